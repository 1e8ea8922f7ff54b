import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as typescriptParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import jscodeshift, { type API } from 'jscodeshift';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../src/cli/arguments';
import { runFix } from '../../src/cli/fix-command';
import { helpText } from '../../src/cli/help-text';
import { listText } from '../../src/cli/list-command';
import { jscodeshiftTransform } from '../../src/codemod/jscodeshift-adapter';
import { eslintRuleOf } from '../../src/rule-creator';
import { removeTemporaryDirectories, temporaryDirectory } from '../cli/cli-harness';
import { describeCodemodFixtures } from '../codemods/support/fixture-harness';
import { catalogProblems } from '../meta/catalog-checks';
import { catalog } from './src/descriptors/catalog';

/**
 * The scaffolded test doubles (`npm run new-rule -- <rule> --root tests/doubles`): a codemod that
 * fixes two rules (`double-fix`) and a rule with suggestions and no codemod (`double-suggest-only`).
 * The harness, `leakguard list`, the CLI and the jscodeshift adapter take the descriptor lists as a
 * parameter, so they run on these exactly as on the shipped ones; the shipped bin knows nothing of them.
 */
const root = __dirname;
afterAll(removeTemporaryDirectories);

describeCodemodFixtures(catalog.codemods, path.join(root, 'tests', 'codemods'));

describe('the test doubles', () => {
  it('are a complete catalog: files, generated headers, option headings, examples, tests, fixtures', () => {
    expect(catalogProblems(root, catalog)).toEqual([]);
  });

  it('`leakguard list` shows a codemod fixing two rules and a rule without a codemod', () => {
    const text = listText(catalog);
    expect(text).toMatch(/^ {2}double-fix {2}fixes leakguard\/double-first, leakguard\/double-second {2}Renames/m);
    expect(text).toMatch(/^ {2}double-suggest-only +Disallow openThird\(\)/m);
  });

  it('the CLI takes the codemod’s own flag, validates it, explains it in --help and reports both rules', async () => {
    expect(helpText(catalog)).toContain('  --suffix <suffix>      double-fix: the suffix of the safe version (default Safely).\n');
    expect(() => parseCommandLine(['fix', 'src', '--codemod', 'double-fix', '--suffix', 'Loudly'], os.tmpdir(), catalog)).toThrow('--suffix Loudly: use Safely or Carefully');
    expect(() => parseCommandLine(['fix', 'src', '--codemod', 'all', '--max', '5'], os.tmpdir(), catalog)).toThrow("unknown option '--max'");

    const dir = temporaryDirectory();
    const file = path.join(dir, 'app.ts');
    writeFileSync(file, 'openFirst();\nopenSecond();\nopenThird();\n');
    const report = path.join(dir, 'report.json');
    const command = parseCommandLine(['fix', dir, '--codemod', 'all', '--suffix', 'Carefully', '--force', '--workers', '2', '--report', report], dir, catalog);
    if (command.kind !== 'fix') throw new Error(command.kind);
    const stdout = new PassThrough();
    const stderr = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    const exitCode = await runFix(command, { stdout, stderr }, catalog);
    expect(readFileSync(file, 'utf8')).toBe('openFirstCarefully();\nopenSecondCarefully();\nopenThird();\n');
    expect(exitCode).toBe(0);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { run: Record<string, unknown>; codemods: { name: string; rule: string; rules?: string[]; fixed: number }[]; files: { findings: { ruleId: string; message: string }[] }[] };
    expect(json.run.suffix).toBe('Carefully');
    expect(json.codemods).toEqual([expect.objectContaining({ name: 'double-fix', rule: 'double-first', rules: ['double-first', 'double-second'], fixed: 2 })]);
    expect(json.files.flatMap((entry) => entry.findings.map((finding) => `${finding.ruleId}: ${finding.message}`))).toEqual([
      'double-first: `openFirst()` leaks: call `openFirstSafely()`.',
      'double-second: `openSecond()` leaks: call `openSecondSafely()`.',
    ]);
  });

  it('the jscodeshift adapter fixes both rules with the codemod’s flag', () => {
    const api = { jscodeshift, j: jscodeshift, stats: vi.fn<API['stats']>(), report: vi.fn<API['report']>() } satisfies API;
    const doubleFix = catalog.codemods[0];
    const output = jscodeshiftTransform(doubleFix)({ path: path.join(os.tmpdir(), 'x.ts'), source: 'openFirst();\nopenSecond();\n' }, api, { typed: false, suffix: 'Carefully' });
    expect(output).toBe('openFirstCarefully();\nopenSecondCarefully();\n');
    expect(() => jscodeshiftTransform(doubleFix)({ path: 'x.ts', source: '' }, api, { typed: false, suffix: 1 })).toThrow('--suffix 1: use Safely or Carefully');
  });

  it('a rule without a codemod still offers its suggestion in ESLint', () => {
    const rule = catalog.rules.find((candidate) => candidate.name === 'double-suggest-only')!;
    const [message] = new Linter().verify(
      'openThird();\n',
      { files: ['**/*.ts'], languageOptions: { parser: typescriptParser }, plugins: { leakguard: { rules: { 'double-suggest-only': eslintRuleOf(rule) } } as never }, rules: { 'leakguard/double-suggest-only': 'error' } },
      { filename: 'x.ts' },
    );
    expect(message?.suggestions?.map((suggestion) => suggestion.desc)).toEqual(['Call `openThirdSafely()` instead.']);
  });
});
