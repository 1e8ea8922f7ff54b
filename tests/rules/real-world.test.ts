import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runCodemod } from '../../src/codemod/run-codemod';
import { createTypedProject } from '../typed-project';

/**
 * Leak fixes in the shape public projects made them (paraphrased, not copied): the code before
 * the fix must be reported, the code after it must not, in both modes; and the codemod's own
 * rewrite of the "before" must leave the rule quiet too.
 */
const folder = path.join(__dirname, 'real-world');
const pairs = readdirSync(folder)
  .filter((file) => file.includes('.before.'))
  .map((file) => ({
    name: file.replace(/\.before\.\w+$/, ''),
    extension: path.extname(file),
    before: readFileSync(path.join(folder, file), 'utf8'),
    after: readFileSync(path.join(folder, file.replace('.before.', '.after.')), 'utf8'),
  }));

const project = createTypedProject('real-world');
afterAll(() => project.remove());

const plugin = { rules } as unknown as NonNullable<Linter.Config['plugins']>[string];

function lint(code: string, file: string, typed: boolean): Linter.LintMessage[] {
  // Config `files` patterns are relative to the linter's cwd: the snippets live in the temp project.
  const linter = new Linter({ cwd: project.dir });
  const isTypeScript = /\.[cm]?tsx?$/.test(file);
  const config: Linter.Config = {
    files: ['**/*.ts', '**/*.js'],
    plugins: { leakguard: plugin },
    rules: { 'leakguard/require-close': 'error' },
    languageOptions: isTypeScript
      ? {
          parser: typescriptParser as unknown as Linter.Parser,
          parserOptions: typed ? { project: project.tsconfigPath, tsconfigRootDir: project.dir } : {},
        }
      : { sourceType: 'commonjs' },
  };
  const messages = linter.verify(code, [config], file);
  const fatal = messages.filter((message) => message.fatal);
  expect(fatal, fatal.map((message) => message.message).join('\n')).toEqual([]);
  return messages.filter((message) => message.ruleId === 'leakguard/require-close');
}

describe('require-close on real leak fixes', () => {
  for (const pair of pairs) {
    const modes = pair.extension === '.ts' ? [true, false] : [false];
    for (const typed of modes) {
      const mode = typed ? 'typed' : 'untyped';
      describe(`${pair.name} (${mode})`, () => {
        // Each snippet gets its own file: one typed program serves them all.
        const beforeFile = project.writeSource(`${pair.name}.before.${mode}${pair.extension}`, pair.before);
        const afterFile = project.writeSource(`${pair.name}.after.${mode}${pair.extension}`, pair.after);
        const fixedFile = project.writeSource(
          `${pair.name}.fixed.${mode}${pair.extension}`,
          runCodemod('try-finally-close', { source: pair.before, filePath: beforeFile }).output ?? pair.before,
        );

        it('reports the code before the fix', () => {
          expect(lint(pair.before, beforeFile, typed).length).toBeGreaterThan(0);
        });

        it('stays quiet on the code after the fix', () => {
          expect(lint(pair.after, afterFile, typed)).toEqual([]);
        });

        it("stays quiet on the codemod's own fix", () => {
          const fixed = readFileSync(fixedFile, 'utf8');
          expect(fixed).not.toBe(pair.before);
          expect(lint(fixed, fixedFile, typed)).toEqual([]);
        });
      });
    }
  }
});
