import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/descriptors/catalog';
import type { AnyRuleDescriptor } from '../../src/descriptors/rule-descriptor';
import { catalogProblems } from './catalog-checks';

/**
 * `npm run new-rule` in a temporary copy of the repository: the scaffold compiles, adds one entry to
 * each list, and leaves the meta-checks failing on exactly the new rule and codemod (no doc examples,
 * no generated header, no tests, reminders left) until they are real; filled in, the checks pass.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const copy = mkdtempSync(path.join(os.tmpdir(), 'leakguard-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

for (const entry of ['src', 'rules', 'codemods', 'docs', 'scripts', 'tests/rules', 'tests/codemods', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
  cpSync(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
}
symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');

const scaffold = execFileSync(process.execPath, [path.join(copy, 'scripts', 'new-rule.mjs'), 'my-leak', '--codemod', 'fix-my-leak'], { cwd: copy, encoding: 'utf8' });

async function catalogOfCopy(): Promise<Catalog> {
  // A fresh module graph each time: the copy's files change between the two checks.
  const module = (await import(/* @vite-ignore */ `${path.join(copy, 'src', 'descriptors', 'catalog.ts')}?t=${Date.now()}`)) as { shippedCatalog: Catalog };
  return module.shippedCatalog;
}

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
  writeFileSync(path.join(copy, file), text);
};

describe('npm run new-rule', () => {
  it('writes the rule, the codemod and one entry in each list, and the copy still compiles', () => {
    expect(scaffold).toContain('src/descriptors/catalog.ts (one entry per list)');
    const catalog = readFileSync(path.join(copy, 'src/descriptors/catalog.ts'), 'utf8');
    expect(catalog).toMatch(/export const ruleDescriptors = \[requireClose, noClientPerCall, noUnboundedCache, [^\]]*\bmyLeak\]/);
    expect(catalog).toMatch(/export const codemodDescriptors = \[singletonClient, grpcKeepalive, grpcDeadline, [^\]]*\bfixMyLeak\]/);
    execFileSync(process.execPath, [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(copy, 'tsconfig.build.json'), '--noEmit'], { encoding: 'utf8' });
  }, 120_000);

  it('refuses to overwrite: a second scaffold of the same rule exits 2', () => {
    expect(() => execFileSync(process.execPath, [path.join(copy, 'scripts', 'new-rule.mjs'), 'my-leak'], { cwd: copy, stdio: 'pipe' })).toThrow(/exists already/);
  });

  it('leaves the meta-checks failing on the new rule and codemod only, until they are real', async () => {
    const problems = catalogProblems(copy, await catalogOfCopy());
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.filter((problem) => !/my-leak/.test(problem))).toEqual([]);
    for (const expected of [
      'docs/rules/my-leak.md: the header is not the generated one',
      'docs/rules/my-leak.md: no Incorrect example',
      'docs/rules/my-leak.md: no Correct example',
      'tests/rules/my-leak.test.ts:4 still has a scaffold reminder',
      'docs/codemods/fix-my-leak.md: needs as many Before as After examples',
      'tests/codemods/fix-my-leak/example.input.ts:1 still has a scaffold reminder',
    ]) {
      expect(problems.some((problem) => problem.startsWith(expected)), `${expected}\nin:\n${problems.join('\n')}`).toBe(true);
    }
  });

  it('passes the meta-checks once the rule, its doc, its tests and the codemod are real', async () => {
    write(
      'src/detectors/my-leak.ts',
      `import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { walk } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding } from '../findings/finding';
import type { FixMyLeakPlan } from '../remedies/fix-my-leak-plan';

const myLeakOptions = {} as const;

/** Reports every \\\`leakyOpen()\\\` call: the stand-in for a real detector. */
function detectMyLeak(analysis: Analysis): Finding<'leak', FixMyLeakPlan>[] {
  const findings: Finding<'leak', FixMyLeakPlan>[] = [];
  walk(analysis.ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'leakyOpen') {
      findings.push({ ruleId: 'my-leak', messageId: 'leak', node, data: {}, remedy: { kind: 'fix-my-leak', callee: node.callee } });
    }
    return undefined;
  });
  return findings;
}

export const myLeak: RuleDescriptor<'leak', typeof myLeakOptions, FixMyLeakPlan> = {
  name: 'my-leak',
  description: 'Disallow leakyOpen',
  recommended: false,
  messages: { leak: 'leakyOpen leaks; call tidyOpen.' },
  options: myLeakOptions,
  detect: detectMyLeak,
};
`,
    );
    write('src/remedies/fix-my-leak-plan.ts', `import type { TSESTree } from '@typescript-eslint/utils';\n\nexport interface FixMyLeakPlan {\n  readonly kind: 'fix-my-leak';\n  readonly callee: TSESTree.Identifier;\n}\n`);
    write(
      'src/codemods/fix-my-leak.ts',
      `import { defineCodemod } from '../descriptors/codemod-descriptor';
import { myLeak } from '../detectors/my-leak';
import type { FixMyLeakPlan } from '../remedies/fix-my-leak-plan';

export const fixMyLeak = defineCodemod({
  name: 'fix-my-leak',
  description: 'Calls tidyOpen instead of leakyOpen.',
  fixes: [myLeak],
  plan: 'fix-my-leak' satisfies FixMyLeakPlan['kind'],
  options: {} as const,
  edits: (plan: FixMyLeakPlan) => ({ edits: [{ range: plan.callee.range, text: 'tidyOpen' }] }),
});
`,
    );
    write('tests/rules/my-leak.test.ts', `import rule from '../../rules/my-leak';\nimport { untypedRuleTester } from './rule-testers';\n\nuntypedRuleTester().run('my-leak', rule, { valid: ['tidyOpen();'], invalid: [{ code: 'leakyOpen();', errors: [{ messageId: 'leak' }] }] });\n`);
    write('tests/codemods/fix-my-leak/example.input.ts', 'declare function leakyOpen(): void;\nleakyOpen();\n');
    write('tests/codemods/fix-my-leak/example.output.ts', 'declare function leakyOpen(): void;\ntidyOpen();\n');
    const catalog = await catalogOfCopy();
    const { ruleDocHeader, codemodDocHeader } = (await import(/* @vite-ignore */ `${path.join(copy, 'src', 'descriptors', 'doc-header.ts')}?t=${Date.now()}`)) as typeof import('../../src/descriptors/doc-header');
    const rule = catalog.rules.find((candidate: AnyRuleDescriptor) => candidate.name === 'my-leak')!;
    const codemod = catalog.codemods.find((candidate) => candidate.name === 'fix-my-leak')!;
    write('docs/rules/my-leak.md', `${ruleDocHeader(rule, catalog)}\n\n## Incorrect\n\n\`\`\`ts\nleakyOpen();\n\`\`\`\n\n## Correct\n\n\`\`\`ts\ntidyOpen();\n\`\`\`\n`);
    write('docs/codemods/fix-my-leak.md', `${codemodDocHeader(codemod)}\n\n## Before\n\n\`\`\`ts\nleakyOpen();\n\`\`\`\n\n## After\n\n\`\`\`ts\ntidyOpen();\n\`\`\`\n`);
    expect(catalogProblems(copy, catalog)).toEqual([]);
  });
});
