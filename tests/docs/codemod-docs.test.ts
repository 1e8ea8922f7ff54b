import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run-codemod';
import { codemodDescriptors } from '../../src/descriptors/catalog';
import { fencedBlocks } from '../meta/markdown';

/**
 * The Before and After examples of every codemod doc are what the codemod does: each block under
 * `## Before` is run through the codemod (untyped, default options, file extension from the fence's
 * language) and must print the block at the same position under `## After`.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const extensions: Readonly<Record<string, string>> = { ts: 'ts', tsx: 'tsx', js: 'js', cjs: 'cjs', mjs: 'mjs' };

for (const codemod of codemodDescriptors) {
  const file = `docs/codemods/${codemod.name}.md`;
  const blocks = fencedBlocks(readFileSync(path.join(repoRoot, file), 'utf8'));
  const before = blocks.filter((block) => block.section === 'Before');
  const after = blocks.filter((block) => block.section === 'After');

  describe(file, () => {
    it('has as many Before as After examples', () => {
      expect(before.length).toBeGreaterThan(0);
      expect(after).toHaveLength(before.length);
    });

    before.forEach((example, index) => {
      it(`rewrites the Before example at line ${example.line} to the After example below it`, () => {
        const extension = extensions[example.language];
        expect(extension, `fence language of line ${example.line}`).toBeDefined();
        const result = runCodemod(codemod, { source: example.code, filePath: path.join(repoRoot, `docs-example.${extension}`) });
        expect(result.parseError).toBeUndefined();
        expect(result.outcomes.every((outcome) => outcome.status === 'fixed'), JSON.stringify(result.outcomes)).toBe(true);
        expect(result.output ?? example.code).toBe(after[index]?.code);
      });
    });
  });
}
