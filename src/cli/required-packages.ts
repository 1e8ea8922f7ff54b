import fs from 'node:fs';
import path from 'node:path';
import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { displayPath } from './display-path';
import type { FileTransform } from './file-transform';
import type { FileRecord } from './run-record';

/** A package that a file's new text imports because `codemod` fixed a site with it. */
export interface RequiredImport {
  readonly package: string;
  readonly codemod: string;
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export const dependencyFields = ['dependencies', 'devDependencies', 'peerDependencies'] as const;
export type DependencyField = (typeof dependencyFields)[number];

/**
 * One package the output imports, for one project (the nearest package.json of the files that import
 * it): whether that package.json declares it, and the command that adds it with the project's
 * package manager. Paths are display paths.
 */
export interface RequiredPackage {
  readonly name: string;
  readonly codemods: readonly string[];
  /** The files (rewritten, or that would be with `--dry`) that import it, sorted. */
  readonly files: readonly string[];
  /** Undefined when no package.json was found above the files. */
  readonly packageJson: string | undefined;
  readonly declaredIn: DependencyField | undefined;
  readonly declaredRange: string | undefined;
  readonly packageManager: PackageManager;
  /** The lockfile the package manager was read from; undefined when there is none (npm is assumed). */
  readonly lockfile: string | undefined;
  /** Run from the working directory; `cd <dir> && …` when the project lives elsewhere. */
  readonly installCommand: string;
  /** The same command as a program and its arguments, run in `directory` (absolute): what `--install` runs. */
  readonly install: { readonly program: PackageManager; readonly args: readonly string[]; readonly directory: string };
}

/** First match wins in one directory; the nearest directory with any lockfile wins overall (workspace roots). */
const lockfiles: ReadonlyArray<readonly [string, PackageManager]> = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
];

const addVerbs: Readonly<Record<PackageManager, string>> = {
  npm: 'install',
  pnpm: 'add',
  yarn: 'add',
  bun: 'add',
};

/**
 * The packages a codemod declares in `requiredPackages` that the final text imports, for the codemods
 * that fixed at least one site. `bounded-cache` trimming an array imports nothing; reusing an import
 * the file already had still makes the project depend on it.
 */
export function requiredImportsOf(transform: FileTransform, codemods: readonly AnyCodemodDescriptor[]): RequiredImport[] {
  const output = transform.output;
  if (output === undefined || transform.failure) return [];
  const found: RequiredImport[] = [];
  for (const step of transform.steps) {
    if (!step.outcomes.some((outcome) => outcome.status === 'fixed')) continue;
    for (const name of codemods.find((codemod) => codemod.name === step.codemod)?.requiredPackages ?? []) {
      if (imports(output, name) && !found.some((known) => known.package === name)) found.push({ package: name, codemod: step.codemod });
    }
  }
  return found;
}

function imports(source: string, name: string): boolean {
  const specifier = `(['"])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\1`;
  return new RegExp(`(?:\\bfrom\\s*|\\brequire\\s*\\(\\s*|\\bimport\\s*(?:\\(\\s*)?)${specifier}`).test(source);
}

/** Groups the files that import a required package by package name and nearest package.json. */
export function requiredPackagesOf(files: readonly FileRecord[], cwd: string = process.cwd()): RequiredPackage[] {
  const groups = new Map<string, { name: string; manifest: string | undefined; codemods: Set<string>; files: string[] }>();
  for (const file of files) {
    if (file.failure || !file.changed) continue;
    const absolute = path.resolve(cwd, file.path);
    const manifest = nearestPackageJson(path.dirname(absolute));
    for (const required of file.requiredImports) {
      const key = `${required.package}\0${manifest ?? ''}`;
      const group = groups.get(key) ?? { name: required.package, manifest, codemods: new Set<string>(), files: [] };
      group.codemods.add(required.codemod);
      group.files.push(file.path);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map((group) => describeRequirement(group.name, group.manifest, [...group.codemods], group.files.sort(), cwd))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.packageJson ?? '').localeCompare(b.packageJson ?? ''));
}

function describeRequirement(name: string, manifest: string | undefined, codemods: string[], files: string[], cwd: string): RequiredPackage {
  const projectDirectory = manifest === undefined ? cwd : path.dirname(manifest);
  const contents = manifest === undefined ? undefined : readManifest(manifest);
  const declaredIn = dependencyFields.find((field) => typeof contents?.[field]?.[name] === 'string');
  const lockfile = nearestLockfile(projectDirectory);
  const declaredManager = /^(npm|pnpm|yarn|bun)@/.exec(typeof contents?.packageManager === 'string' ? contents.packageManager : '')?.[1] as PackageManager | undefined;
  const packageManager = lockfile?.packageManager ?? declaredManager ?? 'npm';
  const command = `${packageManager} ${addVerbs[packageManager]} ${name}`;
  const relativeDirectory = path.relative(cwd, projectDirectory);
  return {
    name,
    codemods,
    files,
    packageJson: manifest === undefined ? undefined : displayPath(manifest, cwd),
    declaredIn,
    declaredRange: declaredIn === undefined ? undefined : (contents?.[declaredIn]?.[name] as string),
    packageManager,
    lockfile: lockfile === undefined ? undefined : displayPath(lockfile.path, cwd),
    installCommand: relativeDirectory === '' ? command : `cd ${shellWord(displayPath(projectDirectory, cwd))} && ${command}`,
    install: { program: packageManager, args: [addVerbs[packageManager], name], directory: projectDirectory },
  };
}

interface Manifest {
  readonly packageManager?: unknown;
  readonly dependencies?: Readonly<Record<string, unknown>>;
  readonly devDependencies?: Readonly<Record<string, unknown>>;
  readonly peerDependencies?: Readonly<Record<string, unknown>>;
}

/** A package.json that does not parse declares nothing: the hint then errs towards installing. */
function readManifest(manifest: string): Manifest | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Like the lockfile search, stops at the git work-tree root: a package.json outside the repository is someone else's. */
function nearestPackageJson(directory: string): string | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'package.json');
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    if (isSearchBoundary(current)) return undefined;
  }
}

function isSearchBoundary(directory: string): boolean {
  return fs.existsSync(path.join(directory, '.git')) || path.dirname(directory) === directory;
}

/**
 * The lockfile next to the package.json, or, in a workspace, at the workspace root above it. The
 * search stops at the git work-tree root: a lockfile outside the repository belongs to someone else.
 */
function nearestLockfile(directory: string): { path: string; packageManager: PackageManager } | undefined {
  for (let current = directory; ; current = path.dirname(current)) {
    for (const [name, packageManager] of lockfiles) {
      const candidate = path.join(current, name);
      if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return { path: candidate, packageManager };
    }
    if (isSearchBoundary(current)) return undefined;
  }
}

/** A directory name pasted into a shell: quoted when it holds anything but the usual path characters. */
function shellWord(word: string): string {
  return /^[\w./@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
