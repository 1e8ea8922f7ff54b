import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanModule,
  initRepository,
  leakyConfigReader,
  readFile,
  removeTemporaryDirectories,
  runCli,
  temporaryDirectory,
  writeFiles,
} from './cli-harness';

afterAll(removeTemporaryDirectories);

const fixLeaks = ['fix', 'src', '--codemod', 'try-finally-close', '--workers', '1'];

/** A committed repository with a leak in src/config.ts. */
function repository(): string {
  const root = temporaryDirectory();
  writeFiles(root, { 'src/config.ts': leakyConfigReader, 'src/math.ts': cleanModule, 'scripts/tool.ts': cleanModule });
  initRepository(root);
  return root;
}

describe('leakguard fix on a git tree with uncommitted changes', () => {
  it('refuses to write, lists the changes (untracked files too) and exits 3', () => {
    const root = repository();
    writeFiles(root, { 'src/math.ts': `${cleanModule}// edited\n`, 'src/scratch.ts': cleanModule });
    const run = runCli(fixLeaks, root);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('refusing to write: uncommitted changes under the given paths:\n  src/math.ts\n  src/scratch.ts\n');
    expect(run.stderr).toContain('--force');
    expect(run.stdout).toBe('');
    expect(readFile(root, 'src/config.ts')).toBe(leakyConfigReader);
  });

  it('allows a dry run', () => {
    const root = repository();
    writeFiles(root, { 'src/math.ts': `${cleanModule}// edited\n` });
    const run = runCli([...fixLeaks, '--dry'], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('1 file would change');
    expect(readFile(root, 'src/config.ts')).toBe(leakyConfigReader);
  });

  it('writes with --force', () => {
    const root = repository();
    writeFiles(root, { 'src/math.ts': `${cleanModule}// edited\n` });
    expect(runCli([...fixLeaks, '--force'], root).status).toBe(0);
    expect(readFile(root, 'src/config.ts')).toContain('finally');
    expect(readFile(root, 'src/math.ts')).toBe(`${cleanModule}// edited\n`);
  });

  it('ignores changes outside the given paths, and the report of an earlier run', () => {
    const root = repository();
    writeFiles(root, { 'scripts/tool.ts': `${cleanModule}// edited\n`, 'src/leaks.md': '# leakguard fix report\n' });
    expect(runCli([...fixLeaks, '--report', 'src/leaks.md'], root).status).toBe(0);
    expect(readFile(root, 'src/config.ts')).toContain('finally');
  });
});

describe('leakguard fix outside git', () => {
  it('writes, with a warning that git cannot revert it, which --force silences', () => {
    const root = temporaryDirectory();
    writeFiles(root, { 'src/config.ts': leakyConfigReader });
    const run = runCli(fixLeaks, root);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^leakguard: warning: not in a git work tree: src\. .*--force silences this/);
    expect(readFile(root, 'src/config.ts')).toContain('finally');

    writeFiles(root, { 'src/config.ts': leakyConfigReader });
    expect(runCli([...fixLeaks, '--force'], root).stderr).toBe('');
  });
});
