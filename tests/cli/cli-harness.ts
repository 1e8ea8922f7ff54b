import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
export const cliPath = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled bin, as `npx leakguard` would (`npm test` builds first). */
export function runCli(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): CliRun {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npx tsc -p tsconfig.build.json\` first`);
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const created: string[] = [];

/** A fresh directory under the OS temp dir; `removeTemporaryDirectories` deletes them all. */
export function temporaryDirectory(): string {
  const directory = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'leakguard-cli-')));
  created.push(directory);
  return directory;
}

export function removeTemporaryDirectories(): void {
  for (const directory of created.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}

export function readFile(root: string, name: string): string {
  return fs.readFileSync(path.join(root, name), 'utf8');
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A repository with everything under `root` committed. */
export function initRepository(root: string): void {
  git(root, 'init', '--quiet');
  git(root, 'config', 'user.email', 'test@example.com');
  git(root, 'config', 'user.name', 'leakguard tests');
  git(root, 'config', 'commit.gpgsign', 'false');
  commitAll(root, 'initial');
}

/** A temporary repository holding `files`, committed: writing is allowed without --force. */
export function committedRepository(files: Readonly<Record<string, string>>): string {
  const root = temporaryDirectory();
  writeFiles(root, files);
  initRepository(root);
  return root;
}

export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '--quiet', '--allow-empty', '-m', message);
}

/** Closed only on the success path: `try-finally-close` moves the use into try/finally. */
export const leakyConfigReader = `import { open } from 'node:fs/promises';
export async function readConfig(path: string) {
  const fh = await open(path, 'r');
  const text = await fh.readFile('utf8');
  await fh.close();
  return JSON.parse(text);
}
`;

/** Never used after it is opened: the codemod skips it with a reason and a marker comment. */
export const unusedHandle = `import { open } from 'node:fs/promises';
export async function touch(path: string) {
  const fh = await open(path, 'w');
}
`;

export const cleanModule = `export function add(a: number, b: number) {
  return a + b;
}
`;

export interface ReportedFile {
  readonly path: string;
  readonly changed: boolean;
  readonly written: boolean;
  readonly typed: boolean;
  readonly findings: ReadonlyArray<{ readonly status: string; readonly reason?: string; readonly line: number }>;
  readonly failure?: { readonly kind: string; readonly message: string; readonly line?: number };
}

/** The files a run scanned, from its JSON report. */
export function reportedFiles(reportPath: string): ReportedFile[] {
  return (JSON.parse(fs.readFileSync(reportPath, 'utf8')) as { files: ReportedFile[] }).files;
}
