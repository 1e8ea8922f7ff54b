/**
 * A user's project with the packed package installed, for running the docs' snippets as a user would.
 *
 * The versions come from a committed lockfile (tests/package/scratch/<variant>, written by
 * scripts/update-scratch-lockfiles.mjs with README.md's install command), installed with
 * `npm ci --prefer-offline`; only our package is the tarball packed from this checkout. The project is
 * a git repository whose first commit is the baseline (sample sources, tsconfig, the baseline ESLint
 * configs): `reset()` returns to it, so every snippet starts from the same state and `leakguard fix`
 * finds a clean tree.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../typed-project';

export type ScratchVariant = 'eslint10' | 'eslint9';

export interface CommandResult {
  readonly command: string;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface ScratchProject {
  readonly dir: string;
  /** What `npm ci` printed. */
  readonly installOutput: string;
  readonly installMs: number;
  /** Runs one shell line (bash, pipefail) in the project. */
  run(command: string, timeoutMs?: number): CommandResult;
  /** The same, without blocking: two copies of the project run their commands side by side. */
  runAsync(command: string, timeoutMs?: number): Promise<CommandResult>;
  /** A second working copy at the same baseline: node_modules hard-linked (nothing writes there), the rest copied. */
  clone(): ScratchProject;
  writeFile(relative: string, text: string): void;
  readFile(relative: string): string;
  /** Back to the baseline commit: tracked files restored, untracked ones removed (node_modules is ignored). */
  reset(): void;
  remove(): void;
}

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface Lockfile {
  packages: Record<string, LockEntry>;
}

export const scratchTemplates = path.join(repoRoot, 'tests', 'package', 'scratch');
export const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

/**
 * The environment of the commands: ours, without what `npm test` adds for its own package
 * (npm_package_*, npm_config_local_prefix …), which would point a nested npm back at this repository.
 */
export function childEnvironment(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|cafile|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.test(key)) continue;
    if (key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  // npm_config_yes=false: an `npx` whose binary is missing fails instead of fetching it from the registry.
  // TSESTREE_SINGLE_RUN: typescript-eslint's single-run mode, which it infers from CI=true, whether or
  // not this run has it: a second parse of a file in one process (a second config, an --fix pass)
  // then gets an isolated program, as on the CI machine.
  return { ...env, TSESTREE_SINGLE_RUN: 'true', NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', npm_config_yes: 'false', GIT_TERMINAL_PROMPT: '0' };
}

/**
 * `npx <bin>` of an installed package runs node_modules/.bin/<bin> with node_modules/.bin first on the
 * PATH; this does the same without starting npm's CLI each time (half a second per command, and the
 * docs have dozens). A bin that is not installed fails (exit 127) instead of being fetched.
 */
const NPX = 'export PATH="$PWD/node_modules/.bin:$PATH"; npx() { "$@"; }; ';

function runIn(dir: string, command: string, timeoutMs: number): CommandResult {
  const started = Date.now();
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', `${NPX}${command}`], {
    cwd: dir,
    encoding: 'utf8',
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const timedOut = result.error ? `\n[${result.error.message}]` : '';
  return { command, status: result.status, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${timedOut}`, ms: Date.now() - started };
}

function runInAsync(dir: string, command: string, timeoutMs: number): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['-o', 'pipefail', '-c', `${NPX}${command}`], { cwd: dir, env: childEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ command, status, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function mustRun(dir: string, command: string, timeoutMs = 60_000): CommandResult {
  const result = runIn(dir, command, timeoutMs);
  if (result.status !== 0) throw new Error(`\`${command}\` failed in ${dir} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * `npm pack` of this checkout into `destination`, without lifecycle scripts: `npm test` has just
 * built dist/, and a second build here would rewrite dist/ under the feet of other test files.
 */
export function packTarball(destination: string): { tarball: string; files: string[] } {
  const result = mustRun(repoRoot, `npm pack --ignore-scripts --json --pack-destination ${JSON.stringify(destination)}`);
  const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!packed) throw new Error('npm pack --json printed nothing');
  return { tarball: path.join(destination, packed.filename), files: packed.files.map((file) => file.path) };
}

/** Packages with their versions, as installed: every package.json under node_modules, nested ones included. */
export function installedPackages(nodeModules: string): Array<{ name: string; version: string; where: string }> {
  const found: Array<{ name: string; version: string; where: string }> = [];
  const visit = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@') ? readdirSync(path.join(dir, entry)).map((child) => `${entry}/${child}`) : [entry];
      for (const name of names) {
        const packageDir = path.join(dir, name);
        try {
          const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
          found.push({ name, version, where: path.relative(nodeModules, packageDir) });
        } catch {
          continue;
        }
        visit(path.join(packageDir, 'node_modules'));
      }
    }
  };
  visit(nodeModules);
  return found;
}

/** Differences between the committed lockfile's entry for our package and the package.json being packed. */
export function staleLockEntry(lock: Lockfile): string[] {
  const entry = lock.packages[`node_modules/${manifest.name}`];
  if (!entry) return [`no node_modules/${manifest.name} entry`];
  const problems: string[] = [];
  if (entry.version !== manifest.version) problems.push(`version ${entry.version} ≠ ${manifest.version}`);
  for (const field of ['dependencies', 'peerDependencies'] as const) {
    if (JSON.stringify(entry[field] ?? {}) !== JSON.stringify(manifest[field] ?? {})) {
      problems.push(`${field} ${JSON.stringify(entry[field] ?? {})} ≠ ${JSON.stringify(manifest[field] ?? {})}`);
    }
  }
  return problems;
}

export function readLockfile(variant: ScratchVariant): Lockfile {
  return JSON.parse(readFileSync(path.join(scratchTemplates, variant, 'package-lock.json'), 'utf8')) as Lockfile;
}

export async function createScratchProject(variant: ScratchVariant, tarball: string, baseline: Record<string, string>): Promise<ScratchProject> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `leakguard-scratch-${variant}-`));
  try {
    copyFileSync(path.join(scratchTemplates, variant, 'package.json'), path.join(dir, 'package.json'));
    copyFileSync(tarball, path.join(dir, 'leakguard.tgz'));
    const lock = readLockfile(variant);
    const stale = staleLockEntry(lock);
    if (stale.length > 0) {
      throw new Error(`tests/package/scratch/${variant}/package-lock.json is stale (${stale.join('; ')}): run \`node scripts/update-scratch-lockfiles.mjs\``);
    }
    // The tarball's content changes with every build; the lockfile pins everything else.
    const entry = lock.packages[`node_modules/${manifest.name}`];
    if (!entry) throw new Error(`no node_modules/${manifest.name} in the lockfile`);
    entry.integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
    const install = await runInAsync(dir, 'npm ci --prefer-offline --no-audit --no-fund', 180_000);
    if (install.status !== 0) throw new Error(`npm ci failed in ${dir} (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);

    for (const [relative, text] of Object.entries({ '.gitignore': 'node_modules/\nleakguard.tgz\n', ...baseline })) {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    }
    mustRun(dir, 'git init -q && git add -A && git -c user.name=leakguard-test -c user.email=test@leakguard.invalid commit -qm baseline');
    return projectAt(dir, `${install.stdout}\n${install.stderr}`, install.ms);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function projectAt(dir: string, installOutput: string, installMs: number): ScratchProject {
  return {
      dir,
      installOutput,
      installMs,
      run: (command, timeoutMs = 60_000) => runIn(dir, command, timeoutMs),
      runAsync: (command, timeoutMs = 60_000) => runInAsync(dir, command, timeoutMs),
      clone: () => {
        const copy = mkdtempSync(`${dir}-lane-`);
        try {
          mustRun(dir, `cp -al node_modules ${JSON.stringify(copy)}/ && tar -cf - --exclude=./node_modules . | tar -xf - -C ${JSON.stringify(copy)}`);
          return projectAt(copy, installOutput, 0);
        } catch (error) {
          rmSync(copy, { recursive: true, force: true });
          throw error;
        }
      },
      writeFile: (relative, text) => {
        mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        writeFileSync(path.join(dir, relative), text);
      },
      readFile: (relative) => readFileSync(path.join(dir, relative), 'utf8'),
      reset: () => {
        mustRun(dir, 'git reset -q --hard && git clean -qfd');
      },
      remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
