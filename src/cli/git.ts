import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UsageError } from './usage-error';

/** Git failed for a reason other than "not a repository" (dubious ownership, corrupt index …). */
export class GitError extends Error {
  override readonly name = 'GitError';
}

interface GitResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

function git(cwd: string, args: readonly string[]): GitResult | undefined {
  const result = spawnSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // Git translates its messages; "not a git repository" is matched in English.
    env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new GitError(`git ${args[0]}: ${result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

function gitOrThrow(cwd: string, args: readonly string[]): string {
  const result = git(cwd, args);
  if (!result) throw new GitError('git is not installed');
  if (result.status !== 0) throw new GitError(`git ${args.find((arg) => !arg.startsWith('-'))}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** NUL-separated output (`-z`): file names may contain newlines or quotes. */
function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/**
 * The root of the work tree containing `directory`, or undefined outside git (or without git
 * installed). Other git failures throw: treating an unreadable repository as "not git" would
 * skip the dirty-tree check.
 */
export function workTreeRoot(directory: string): string | undefined {
  const result = git(directory, ['rev-parse', '--show-toplevel']);
  if (!result) return undefined;
  if (result.status === 0) return path.resolve(result.stdout.trim());
  if (/not a git repository/i.test(result.stderr)) return undefined;
  throw new GitError(`git rev-parse in ${directory}: ${result.stderr.trim()}`);
}

// Pathspecs are file names, not globs: Next.js routes like `app/[id]/page.tsx` are common.
const literalPathspecs = '--literal-pathspecs';

/** Tracked and untracked-but-not-ignored files under `pathspecs` (relative to `root`), as absolute paths. */
export function listWorkTreeFiles(root: string, pathspecs: readonly string[]): string[] {
  const output = gitOrThrow(root, [literalPathspecs, 'ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', ...pathspecs]);
  return splitNul(output).map((file) => path.join(root, file));
}

/** Files changed since `ref` (committed, staged, unstaged) plus untracked files, as absolute paths. */
export function filesChangedSince(root: string, ref: string, pathspecs: readonly string[]): Set<string> {
  const commit = resolveCommit(root, ref);
  const changed = gitOrThrow(root, [literalPathspecs, 'diff', '--name-only', '--no-renames', '-z', commit, '--', ...pathspecs]);
  const untracked = gitOrThrow(root, [literalPathspecs, 'ls-files', '--others', '--exclude-standard', '-z', '--', ...pathspecs]);
  return new Set([...splitNul(changed), ...splitNul(untracked)].map((file) => path.join(root, file)));
}

function resolveCommit(root: string, ref: string): string {
  // --end-of-options: a ref spelled like a flag (`--output=…`) must not become one.
  const result = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!result || result.status !== 0) throw new UsageError(`--since ${ref}: not a commit in the repository at ${root}`);
  return result.stdout.trim();
}

/**
 * Paths under `pathspecs` with uncommitted changes, untracked files included: a rewrite of an
 * untracked file could not be reverted with git.
 */
export function uncommittedChanges(root: string, pathspecs: readonly string[]): string[] {
  const output = gitOrThrow(root, [literalPathspecs, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...pathspecs]);
  const records = splitNul(output);
  const changed: string[] = [];
  for (let index = 0; index < records.length; index++) {
    const record = records[index];
    changed.push(path.join(root, record.slice(3)));
    // A rename or copy is followed by a record holding the original name.
    if (/^[RC]|^.[RC]/.test(record)) index++;
  }
  return changed;
}
