import { displayPath } from './display-path';
import type { SourceFileDiscovery } from './file-discovery';
import { uncommittedChanges } from './git';

const listedAtMost = 10;

/**
 * Why writing must not start, or undefined. A rewrite is reviewed and reverted with git, so
 * uncommitted changes under the given paths (untracked files included) would be mixed into it.
 * The run's own reports do not count: the report of the last run must not block the next one.
 */
export function dirtyTreeRefusal(discovery: SourceFileDiscovery, reports: readonly string[]): string | undefined {
  const dirty = discovery.workTrees
    .flatMap((workTree) => uncommittedChanges(workTree.root, workTree.pathspecs))
    .filter((file) => !reports.includes(file));
  if (dirty.length === 0) return undefined;
  const listed = dirty.slice(0, listedAtMost).map((file) => `  ${displayPath(file)}`);
  if (dirty.length > listedAtMost) listed.push(`  … and ${dirty.length - listedAtMost} more`);
  return [
    'refusing to write: uncommitted changes under the given paths:',
    ...listed,
    'Commit or stash them first, so the rewrite can be reviewed and reverted on its own;',
    'or preview with --dry, or write anyway with --force.',
  ].join('\n');
}

/** Outside git, writing is allowed (plenty of code lives in tarballs and CI workspaces) but said aloud. */
export function outsideGitWarning(discovery: SourceFileDiscovery): string | undefined {
  if (discovery.outsideGit.length === 0) return undefined;
  const paths = discovery.outsideGit.map((given) => displayPath(given)).join(', ');
  return `warning: not in a git work tree: ${paths}. Files are rewritten in place with no git history to review or revert them (--force silences this).`;
}
