/**
 * leakguard supports ESLint 9.34+ and 10, and one `npm ci` resolves one eslint, so ESLint 9 lives in
 * its own project: tests/eslint9 (its package-lock.json is committed; .ci/run installs it after the
 * root). Two checks use it. The vitest project `eslint9` (vitest.config.mts) runs the rule tests of
 * tests/rules (RuleTester typed and untyped, the espree Linter) again with it, on the TypeScript
 * sources. This test covers what they do not: the built plugin (dist/) and its presets, as users load
 * them, in a separate node process that has no ESLint but 9. It lints every example of docs/rules and
 * every tests/rules/real-world pair through the Linter, and the demo service with the typed preset
 * through the ESLint class and the project service, once with the root's ESLint 10 (in this process)
 * and once with ESLint 9 (node in tests/eslint9), with the same code (lint-cases.cjs), and requires
 * identical findings.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as eslint10 from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eslint9Installed, eslint9Missing, inCI } from './eslint9/eslint9-resolution';
import { createTypedProject, repoRoot, type TypedProject } from './typed-project';

const nestedDir = path.join(repoRoot, 'tests', 'eslint9');
const pluginPath = path.join(repoRoot, 'dist', 'src', 'plugin.js');

interface Finding {
  ruleId: string | null;
  messageId: string | null;
  fatal: boolean;
  line: number;
  column: number;
}
interface LintCase {
  id: string;
  filename: string;
  code: string;
  cwd: string;
  rule: string;
  option?: unknown;
  typed: boolean;
  tsconfigPath?: string;
}
interface LintInput {
  pluginPath: string;
  cases: LintCase[];
  projects: Array<{ id: string; cwd: string; patterns: string[] }>;
}
interface LintOutput {
  eslintVersion: string;
  cases: Record<string, Finding[]>;
  projects: Record<string, Record<string, Finding[]>>;
}

const { lintCases } = createRequire(__filename)('./eslint9/lint-cases.cjs') as {
  lintCases: (eslintModule: typeof eslint10, input: LintInput) => Promise<LintOutput>;
};

/** Every ```ts example under an Incorrect/Correct heading, with its `option='…'` (the docs test's conventions). */
function docExamples(): Array<{ rule: string; index: number; code: string; option?: unknown }> {
  const examples: Array<{ rule: string; index: number; code: string; option?: unknown }> = [];
  const docsDir = path.join(repoRoot, 'docs', 'rules');
  for (const file of readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort()) {
    const rule = path.basename(file, '.md');
    const lines = readFileSync(path.join(docsDir, file), 'utf8').split(/\r?\n/);
    let heading = '';
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? '';
      const fence = /^\s*```(\S*)(.*)$/.exec(line);
      if (fence) {
        const body: string[] = [];
        for (index++; index < lines.length && !/^\s*```\s*$/.test(lines[index] ?? ''); index++) body.push(lines[index] ?? '');
        const option = /\boption='([^']*)'/.exec(fence[2] ?? '')?.[1];
        if ((fence[1] === 'ts' || fence[1] === 'typescript') && /\b(Incorrect|Correct)\b/.test(heading)) {
          examples.push({ rule, index: examples.length, code: `${body.join('\n')}\n`, option: option === undefined ? undefined : (JSON.parse(option) as unknown) });
        }
        continue;
      }
      const match = /^#{2,6}\s+(.*)$/.exec(line);
      if (match) heading = match[1] ?? '';
    }
  }
  return examples;
}

// Without the install: skipped locally with a warning, failed in CI (as the vitest project eslint9).
const describeIfInstalled = eslint9Installed || inCI ? describe : describe.skip;
if (!eslint9Installed && !inCI) console.warn(`tests/eslint9.test.ts: SKIPPED — ${eslint9Missing}`);

describeIfInstalled('the same findings under ESLint 9 and ESLint 10', () => {
  let project: TypedProject;
  let input: LintInput;
  let underEslint10: LintOutput;
  let underEslint9: LintOutput;

  beforeAll(async () => {
    if (!eslint9Installed) throw new Error(eslint9Missing);
    project = createTypedProject('eslint9');
    const cases: LintCase[] = [];
    const add = (id: string, name: string, code: string, rule: string, typed: boolean, option?: unknown) => {
      const filename = project.writeSource(name, code);
      cases.push({ id, filename, code, cwd: project.dir, rule, option, typed, tsconfigPath: project.tsconfigPath });
    };
    for (const example of docExamples()) {
      add(`docs/rules/${example.rule}.md #${example.index + 1}`, `${example.rule}.${example.index + 1}.ts`, example.code, example.rule, true, example.option);
    }
    const realWorld = path.join(repoRoot, 'tests', 'rules', 'real-world');
    for (const file of readdirSync(realWorld).sort()) {
      const code = readFileSync(path.join(realWorld, file), 'utf8');
      const extension = path.extname(file);
      for (const typed of extension === '.ts' ? [true, false] : [false]) {
        const mode = typed ? 'typed' : 'untyped';
        add(`real-world/${file} (${mode})`, `${path.basename(file, extension)}.${mode}${extension}`, code, 'require-close', typed);
      }
    }
    input = {
      pluginPath,
      cases,
      projects: [{ id: 'examples/leaky-service', cwd: path.join(repoRoot, 'examples', 'leaky-service'), patterns: ['src'] }],
    };

    underEslint10 = await lintCases(eslint10, input);

    const inputFile = path.join(project.dir, 'lint-input.json');
    writeFileSync(inputFile, JSON.stringify(input));
    const child = spawnSync(process.execPath, [path.join(nestedDir, 'lint-cases.cjs'), inputFile], {
      cwd: nestedDir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    });
    if (child.status !== 0) throw new Error(`ESLint 9 run failed (status ${String(child.status)}):\n${child.stderr}`);
    underEslint9 = JSON.parse(child.stdout) as LintOutput;
  }, 300_000);

  afterAll(() => project?.remove());

  it('runs ESLint 9.34+ in tests/eslint9 and ESLint 10 at the root', () => {
    expect(underEslint9.eslintVersion).toMatch(/^9\.(3[4-9]|[4-9]\d)\./);
    expect(underEslint10.eslintVersion).toMatch(/^10\./);
  });

  it('has real work to compare: every case parses, and the Incorrect examples and leaky files are reported', () => {
    const all = Object.values(underEslint10.cases).flat();
    expect(all.filter((finding) => finding.fatal)).toEqual([]);
    expect(all.filter((finding) => finding.ruleId?.startsWith('leakguard/')).length).toBeGreaterThan(10);
    const service = Object.values(underEslint10.projects['examples/leaky-service'] ?? {}).flat();
    expect(service.filter((finding) => finding.fatal)).toEqual([]);
    expect(service.filter((finding) => finding.ruleId?.startsWith('leakguard/')).length).toBeGreaterThan(0);
  });

  it('reports the same findings on every docs example and real-world pair', () => {
    expect(Object.keys(underEslint9.cases)).toEqual(input.cases.map((testCase) => testCase.id));
    for (const testCase of input.cases) {
      expect(underEslint9.cases[testCase.id], testCase.id).toEqual(underEslint10.cases[testCase.id]);
    }
  });

  it('reports the same findings on examples/leaky-service with the typed preset and the project service', () => {
    expect(underEslint9.projects).toEqual(underEslint10.projects);
  });
});
