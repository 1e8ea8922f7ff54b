/**
 * leakguard's rules keep no cross-file state except caches keyed by the TypeScript program, so
 * ESLint's multithreaded linting must find exactly what a single thread finds. This runs the real
 * ESLint CLI over a copy of examples/leaky-service with the typed preset, `--concurrency 2` (`auto`
 * is one thread on a 2-core runner) and `--concurrency off`, and compares the JSON output.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './typed-project';

const eslintBin = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
const builtPlugin = path.join(repoRoot, 'dist', 'src', 'plugin.js');

interface Finding {
  ruleId: string | null;
  messageId?: string;
  severity: number;
  fatal?: boolean;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Per file (relative, sorted), the messages in ESLint's order: what the user sees. */
function findingsByFile(stdout: string, cwd: string): Record<string, Finding[]> {
  const results = JSON.parse(stdout) as ESLint.LintResult[];
  return Object.fromEntries(
    results
      .map((result): [string, Finding[]] => [
        path.relative(cwd, result.filePath).split(path.sep).join('/'),
        result.messages.map(({ ruleId, messageId, severity, fatal, message, line, column, endLine, endColumn }) => ({
          ruleId,
          messageId,
          severity,
          fatal,
          message,
          line,
          column,
          endLine,
          endColumn,
        })),
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('multithreaded linting (eslint --concurrency)', () => {
  let workDir: string;

  beforeAll(() => {
    // A copy, so the config file can sit next to the code (flat config `files` are relative to it)
    // without touching the example; node_modules resolves @types/node and pg from this repository.
    workDir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-concurrency-'));
    cpSync(path.join(repoRoot, 'examples', 'leaky-service'), workDir, { recursive: true });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
    // Worker threads load the config file themselves: it must be a module, not an in-memory object.
    writeFileSync(
      path.join(workDir, 'eslint.config.mjs'),
      [
        "import tseslint from 'typescript-eslint';",
        `import leakguard from ${JSON.stringify(pathToFileURL(builtPlugin).href)};`,
        'export default [',
        '  {',
        "    files: ['**/*.ts'],",
        '    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },',
        '  },',
        "  leakguard.configs['recommended-type-checked'],",
        '];',
        '',
      ].join('\n'),
    );
  });

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  function lint(concurrency: string): { findings: Record<string, Finding[]>; debugLog: string } {
    // --debug logs to stderr how many worker threads ESLint really started.
    const run = spawnSync(process.execPath, [eslintBin, 'src', '--format', 'json', '--concurrency', concurrency, '--debug'], {
      cwd: workDir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    });
    // Exit 1 means findings (the example leaks on purpose); 2 means ESLint itself failed.
    expect(run.status, run.stderr.slice(-4000)).toBe(1);
    return { findings: findingsByFile(run.stdout, workDir), debugLog: run.stderr };
  }

  it('finds exactly the same problems with 2 threads as with one', () => {
    const { findings: singleThread, debugLog: singleThreadLog } = lint('off');
    const { findings: twoThreads, debugLog: twoThreadsLog } = lint('2');
    expect(singleThreadLog).not.toMatch(/worker thread/);
    expect(twoThreadsLog).toMatch(/Linting using 2 worker thread\(s\)/);

    const all = Object.values(singleThread).flat();
    expect(all.filter((finding) => finding.fatal)).toEqual([]);
    expect(all.filter((finding) => finding.ruleId?.startsWith('leakguard/')).length).toBeGreaterThan(0);
    expect(Object.keys(singleThread).length).toBeGreaterThan(1);
    expect(twoThreads).toEqual(singleThread);
  });
});
