/**
 * typescript-eslint hands rules an "isolated" program — one source file, no default library,
 * `noResolve` — where it cannot use the project's: in single-run mode (CI=true, or
 * TSESTREE_SINGLE_RUN) with the legacy `project` option, every parse of a file after its first (an
 * `--fix` pass, a second config linted in the same process, as with `disableTypeChecked`) gets one.
 * That checker knows no `Promise` and no import; TypeScript 6 even throws inside its module-specifier
 * code when asked about an imported name. Our rules must treat such a program as no program: the
 * untyped result, never a crash.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from 'eslint';
import plugin from '../../src/plugin';
import { programHasTypes } from '../../src/analysis/program-has-types';
import { createTypedProject, type TypedProject } from '../typed-project';

const factory = [
  "import { open, type FileHandle } from 'node:fs/promises';",
  '',
  'export function reportFileFor(path: string): Promise<FileHandle> {',
  "  return open(path, 'w');",
  '}',
  '',
].join('\n');

const report = [
  "import { open } from 'node:fs/promises';",
  "import { reportFileFor } from './report-file.js';",
  '',
  'export async function writeReport(path: string, text: string): Promise<void> {',
  '  const fh = await reportFileFor(path);',
  '  await fh.writeFile(text);',
  '  await fh.close();',
  '}',
  '',
  'export async function readConfig(path: string): Promise<unknown> {',
  '  const config = await open(path);',
  "  const parsed: unknown = JSON.parse(await config.readFile('utf8'));",
  '  await config.close();',
  '  return parsed;',
  '}',
  '',
].join('\n');

/** What each parse's program was: the project's, isolated, or none. */
const programs: string[] = [];
const recordProgram: Rule.RuleModule = {
  create(context) {
    const program = (context.sourceCode.parserServices as { program?: import('typescript').Program | null }).program;
    programs.push(!program ? 'none' : programHasTypes(program) ? 'project' : 'isolated');
    return {};
  },
};

function findings(results: ESLint.LintResult[]): string[] {
  return results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId ?? 'fatal'} ${message.ruleId ? '' : message.message}`.trim()));
}

describe('a program typescript-eslint isolates (single-run mode, a file parsed twice)', () => {
  let project: TypedProject;
  let reportFile: string;
  const previous = process.env.TSESTREE_SINGLE_RUN;

  beforeAll(() => {
    project = createTypedProject('isolated-program');
    project.writeSource('report-file.ts', factory);
    reportFile = project.writeSource('report.ts', report);
    process.env.TSESTREE_SINGLE_RUN = 'true';
  });

  afterAll(() => {
    if (previous === undefined) delete process.env.TSESTREE_SINGLE_RUN;
    else process.env.TSESTREE_SINGLE_RUN = previous;
    project.remove();
  });

  const eslintFor = (parserOptions: Record<string, unknown>) =>
    new ESLint({
      cwd: project.dir,
      overrideConfigFile: true,
      overrideConfig: [
        plugin.configs['recommended-type-checked'],
        { files: ['**/*.ts'], plugins: { probe: { rules: { program: recordProgram } } }, rules: { 'probe/program': 'error' } },
        // After the preset, which turns the project service on.
        { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, ...parserOptions } } },
      ],
    });

  it('gives the untyped findings on every parse after the first, and never throws', async () => {
    programs.splice(0);
    const typed = eslintFor({ project: project.tsconfigPath, tsconfigRootDir: project.dir });
    const first = findings(await typed.lintFiles([reportFile]));
    // Typed, the first parse sees the FileHandle that `reportFileFor` returns from another module
    // (untyped, a call not named as an acquisition, `open…`/`create…`, says nothing).
    expect(first).toEqual(['report.ts:5 leakguard/require-close', 'report.ts:11 leakguard/require-close']);

    // The same file again in this process: typescript-eslint isolates it.
    const second = findings(await typed.lintFiles([reportFile]));
    const untyped = findings(await eslintFor({}).lintFiles([reportFile]));
    expect(untyped).toEqual(['report.ts:11 leakguard/require-close']);
    expect(second).toEqual(untyped);
    expect(programs).toEqual(['project', 'isolated', 'none']);
  });
});
