import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanModule,
  cliPath,
  committedRepository,
  git,
  leakyConfigReader,
  readFile,
  removeTemporaryDirectories,
  runCli,
  unusedHandle,
} from './cli-harness';

afterAll(removeTemporaryDirectories);

// util-linux `script` gives the CLI a terminal to draw progress on.
const hasScript = spawnSync('script', ['--version'], { timeout: 5_000 }).status === 0;

describe('leakguard fix --diff, --print and progress', () => {
  it('prints a diff on stdout that git applies to exactly what a real run writes', () => {
    const files = { 'src/config.ts': leakyConfigReader, 'src/touch.ts': unusedHandle, 'src/math.ts': cleanModule };
    const previewed = committedRepository(files);
    const preview = runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry', '--diff'], previewed);
    expect(preview.stdout.startsWith('--- a/src/config.ts\n+++ b/src/config.ts\n@@ ')).toBe(true);
    expect(preview.stdout).toContain('--- a/src/touch.ts');
    // The summary goes to stderr, so stdout is a clean patch.
    expect(preview.stderr).toContain('leakguard fix: 3 files scanned');
    fs.writeFileSync(path.join(previewed, 'leaks.patch'), preview.stdout);
    git(previewed, 'apply', 'leaks.patch');

    const written = committedRepository(files);
    runCli(['fix', 'src', '--codemod', 'try-finally-close'], written);
    for (const name of Object.keys(files)) expect(readFile(previewed, name)).toBe(readFile(written, name));
  });

  it('prints the new source alone for one file, with head-style headers for several', () => {
    const root = committedRepository({ 'src/config.ts': leakyConfigReader, 'src/touch.ts': unusedHandle });
    const single = runCli(['fix', 'src/config.ts', '--codemod', 'try-finally-close', '--dry', '--print'], root);
    expect(single.stdout).toMatch(/^import \{ open \} from 'node:fs\/promises';\n[\s\S]*finally/);
    const several = runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry', '--print'], root);
    expect(several.stdout).toMatch(/^==> src\/config\.ts <==\nimport[\s\S]*\n==> src\/touch\.ts <==\nimport[\s\S]*leakguard-todo\(try-finally-close\)/);
  });

  it.skipIf(!hasScript)('shows progress on stderr only when it is a terminal', () => {
    const root = committedRepository({ 'src/a.ts': cleanModule, 'src/b.ts': cleanModule });
    expect(runCli(['fix', 'src', '--codemod', 'try-finally-close', '--dry'], root).stderr).toBe('');
    const command = [process.execPath, cliPath, 'fix', 'src', '--codemod', 'try-finally-close', '--dry', '--workers', '1'].map((word) => JSON.stringify(word)).join(' ');
    const terminal = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(terminal.stdout).toContain('\r\x1b[2Kleakguard [1/2] src/a.ts\r\x1b[2Kleakguard [2/2] src/b.ts\r\x1b[2Kleakguard fix: 2 files scanned');
  });
});
