import { spawnSync } from 'node:child_process';
import { displayPath } from './display-path';
import type { RequiredPackage } from './required-packages';

/**
 * `--install`: adds each package the written files import and their project does not declare, with
 * the project's own package manager, in the project's directory. The package manager's output goes to
 * stderr: stdout may be a patch (`--diff`). Returns the failures, in words; the caller reads the
 * package.json files again to see what is declared now.
 */
export function installUndeclaredPackages(required: readonly RequiredPackage[], stderr: NodeJS.WritableStream): string[] {
  const failures: string[] = [];
  for (const missing of required.filter((entry) => entry.declaredIn === undefined)) {
    const { program, args, directory } = missing.install;
    stderr.write(`leakguard: installing ${missing.name}: ${missing.installCommand}\n`);
    // npm, pnpm and yarn are .cmd shims on Windows, which only a shell runs.
    const result = spawnSync(program, args, { cwd: directory, encoding: 'utf8', shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    if (result.error || result.status !== 0) {
      const why = result.error ? result.error.message : `exit code ${String(result.status)}`;
      failures.push(`${missing.installCommand} failed in ${displayPath(directory)} (${why})`);
    }
  }
  return failures;
}
