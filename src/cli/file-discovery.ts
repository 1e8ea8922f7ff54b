import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from './display-path';
import { filesChangedSince, listWorkTreeFiles, workTreeRoot } from './git';
import { isTransformableSource } from './source-files';
import { UsageError } from './usage-error';

/** The given paths that belong to one git work tree, as pathspecs relative to its root. */
export interface WorkTreePaths {
  readonly root: string;
  readonly pathspecs: readonly string[];
}

export interface SourceFileDiscovery {
  /** Absolute, real (symlink-free) paths, sorted and without duplicates. */
  readonly files: readonly string[];
  readonly workTrees: readonly WorkTreePaths[];
  /** Given paths outside any git work tree: walked without .gitignore, written without a safety net. */
  readonly outsideGit: readonly string[];
}

interface GivenPath {
  readonly real: string;
  readonly isDirectory: boolean;
}

/**
 * The files `fix` transforms: only under the given paths, never through a symlink (a link could
 * lead out of them, or make one file two), honouring .gitignore inside a git work tree, never
 * under node_modules. A file named on the command line is taken even when ignored: the user asked
 * for it.
 */
export function discoverSourceFiles(paths: readonly string[], since: string | undefined): SourceFileDiscovery {
  const workTrees = new Map<string, GivenPath[]>();
  const outsideGit: GivenPath[] = [];
  for (const given of paths.map(resolveGivenPath)) {
    const root = workTreeRoot(given.isDirectory ? given.real : path.dirname(given.real));
    if (root === undefined) outsideGit.push(given);
    else workTrees.set(root, [...(workTrees.get(root) ?? []), given]);
  }
  const [firstOutsideGit] = outsideGit;
  if (since !== undefined && firstOutsideGit) {
    throw new UsageError(`--since needs a git work tree; ${displayPath(firstOutsideGit.real)} is not in one`);
  }

  const candidates = new Set<string>();
  const workTreePaths: WorkTreePaths[] = [];
  for (const [root, givenPaths] of workTrees) {
    const pathspec = (given: GivenPath): string => path.relative(root, given.real) || '.';
    const pathspecs = givenPaths.map(pathspec);
    workTreePaths.push({ root, pathspecs });
    const changed = since === undefined ? undefined : filesChangedSince(root, since, pathspecs);
    for (const given of givenPaths) {
      const files = given.isDirectory ? withoutDependencies(given.real, listWorkTreeFiles(root, [pathspec(given)])) : [given.real];
      for (const file of files) if (!changed || changed.has(file)) candidates.add(file);
    }
  }
  for (const given of outsideGit) {
    if (given.isDirectory) walkOutsideGit(given.real, candidates);
    else candidates.add(given.real);
  }

  const files = [...candidates].filter((file) => isTransformableSource(file) && isRegularFile(file)).sort();
  return { files, workTrees: workTreePaths, outsideGit: outsideGit.map((given) => given.real) };
}

function resolveGivenPath(given: string): GivenPath {
  let real: string;
  try {
    real = fs.realpathSync(given);
  } catch {
    throw new UsageError(`path not found: ${displayPath(given)}`);
  }
  const stats = fs.statSync(real);
  if (!stats.isDirectory() && !stats.isFile()) throw new UsageError(`not a file or directory: ${displayPath(given)}`);
  return { real, isDirectory: stats.isDirectory() };
}

/** Even when committed (vendored), dependencies are not ours to migrate. */
function withoutDependencies(directory: string, files: readonly string[]): string[] {
  return files.filter((file) => !path.relative(directory, file).split(path.sep).includes('node_modules'));
}

/** Without git there is no .gitignore semantics to borrow: skip what is never source to migrate. */
function walkOutsideGit(directory: string, into: Set<string>): void {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walkOutsideGit(entryPath, into);
    } else if (entry.isFile()) {
      into.add(entryPath);
    }
  }
}

/** Git lists symlinks and deleted-but-tracked files too; neither is transformed. */
function isRegularFile(file: string): boolean {
  try {
    return fs.lstatSync(file).isFile();
  } catch {
    return false;
  }
}
