import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanModule,
  committedRepository,
  git,
  leakyConfigReader,
  readFile,
  removeTemporaryDirectories,
  reportedFiles,
  runCli,
  unusedHandle,
} from './cli-harness';

afterAll(removeTemporaryDirectories);

describe('leakguard fix', () => {
  it('rewrites a handle closed only on success into try/finally and exits 0', () => {
    const root = committedRepository({ 'src/config.ts': leakyConfigReader, 'src/math.ts': cleanModule });
    const run = runCli(['fix', 'src', '--codemod', 'try-finally-close'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFile(root, 'src/config.ts')).toMatch(/try \{\n {4}const text = await fh\.readFile\('utf8'\);\n {4}return JSON\.parse\(text\);\n {2}\} finally \{\n {4}await fh\.close\(\);\n {2}\}/);
    expect(readFile(root, 'src/math.ts')).toBe(cleanModule);
    expect(run.stdout).toContain('leakguard fix: 2 files scanned');
    expect(run.stdout).toContain('Type information: untyped analysis');
    expect(run.stdout).toMatch(/try-finally-close +2 +1 +1 +1 +0\n/);
    expect(run.stdout).toContain('1 file written.');
    expect(fs.readdirSync(path.join(root, 'src')).sort()).toEqual(['config.ts', 'math.ts']);
  });

  it('leaves every file untouched with --dry and exits 1 because fixable findings remain', () => {
    const root = committedRepository({ 'src/config.ts': leakyConfigReader });
    const run = runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry'], root);
    expect(run.status).toBe(1);
    expect(readFile(root, 'src/config.ts')).toBe(leakyConfigReader);
    expect(run.stdout).toContain('Dry run: nothing written; 1 file would change.');
    expect(git(root, 'status', '--porcelain')).toBe('');
  });

  it('skips a file that does not parse, names it path:line:column, processes the others and exits 4', () => {
    const root = committedRepository({ 'src/broken.ts': 'export const x = (;\n', 'src/config.ts': leakyConfigReader });
    const run = runCli(['fix', 'src', '--codemod', 'try-finally-close', '--report', 'out.json'], root);
    expect(run.status).toBe(4);
    expect(run.stdout).toMatch(/Failed, left untouched \(1 file\):\n {2}src\/broken\.ts:1:\d+: .+\n/);
    expect(readFile(root, 'src/broken.ts')).toBe('export const x = (;\n');
    expect(readFile(root, 'src/config.ts')).toContain('finally');
    const broken = reportedFiles(path.join(root, 'out.json')).find((file) => file.path === 'src/broken.ts');
    expect(broken).toMatchObject({ written: false, findings: [], failure: { kind: 'parse', line: 1 } });
  });

  it('exits 1 and explains the findings it skipped, grouped by reason', () => {
    const root = committedRepository({ 'src/a.ts': unusedHandle, 'src/b.ts': unusedHandle });
    const run = runCli(['fix', 'src', '--codemod', 'try-finally-close'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/Skipped by try-finally-close \(2\):\n {2}2× .+\n/);
    expect(readFile(root, 'src/a.ts')).toContain('/* leakguard-todo(try-finally-close):');
  });

  it('says so when there is nothing to fix, and exits 0', () => {
    const root = committedRepository({ 'src/math.ts': cleanModule });
    const run = runCli(['fix', 'src', '--codemod', 'try-finally-close'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No findings: nothing to fix.');
    expect(run.stdout).toContain('0 files written.');
  });

  it('says so when the paths hold no source file', () => {
    const root = committedRepository({ 'docs/readme.md': '# docs\n', 'src/types.d.ts': 'export type A = 1;\n' });
    const run = runCli(['fix', 'docs', 'src', '--codemod', 'try-finally-close'], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^No source files to transform under the given paths\./);
  });

  it('keeps the permission bits of a rewritten file', () => {
    const root = committedRepository({ 'bin/read-config.ts': leakyConfigReader });
    fs.chmodSync(path.join(root, 'bin/read-config.ts'), 0o755);
    git(root, 'commit', '--quiet', '-am', 'executable');
    expect(runCli(['fix', 'bin', '--codemod', 'try-finally-close'], root).status).toBe(0);
    expect(readFile(root, 'bin/read-config.ts')).toContain('finally');
    expect(fs.statSync(path.join(root, 'bin/read-config.ts')).mode & 0o777).toBe(0o755);
  });
});
