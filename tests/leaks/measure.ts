/**
 * Runtime proofs (tests/leaks): run a small program in a child Node process, bounded in time, and
 * read the one JSON line it prints with its measurements (open fds, live handles, heap, timers …).
 *
 * The convention for a program: do the work, measure, then print exactly one line that is a JSON
 * object to stdout (anything else on stdout is allowed before it) and exit 0. Diagnostics go to
 * stderr, which is returned too (e.g. to count Node's "Closing file descriptor N on garbage
 * collection" warnings).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunProgramOptions {
  /** Arguments after the script path. */
  readonly args?: readonly string[];
  /** Node/V8 flags before the script path, e.g. `--min-semi-space-size=16`, `--expose-gc`. */
  readonly nodeFlags?: readonly string[];
  /** Killed (with its process group) after this long; the promise then rejects. Default 20 s. */
  readonly timeoutMs?: number;
  readonly cwd?: string;
  /**
   * The child's environment. Default: this process's, without NODE_OPTIONS (a test runner's or a
   * developer's flags there would change what is measured).
   */
  readonly env?: NodeJS.ProcessEnv;
}

export interface ProgramRun<T> {
  /** The last JSON-object line of stdout. */
  readonly measurement: T;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export class ProgramRunError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(`${message}\n--- stdout ---\n${tail(stdout)}\n--- stderr ---\n${tail(stderr)}`);
    this.name = 'ProgramRunError';
  }
}

/** Output beyond this is dropped (a runaway program must not exhaust the test's memory). */
const MAX_OUTPUT_CHARS = 1_000_000;

function tail(text: string, max = 4_000): string {
  return text.length > max ? `…${text.slice(-max)}` : text;
}

/** The last line of `stdout` that parses as a JSON object, or undefined. */
export function parseMeasurement<T>(stdout: string): T | undefined {
  const lines = stdout.split('\n');
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index].trim();
    if (!line.startsWith('{')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as T;
    } catch {
      // not the measurement line
    }
  }
  return undefined;
}

/**
 * Runs `node [nodeFlags] file [args]` with `process.execPath`, and resolves with its measurement.
 * Rejects (with stdout and stderr in the message) on a non-zero exit, a signal, a timeout, or no
 * JSON line.
 */
export function runProgram<T>(file: string, options: RunProgramOptions = {}): Promise<ProgramRun<T>> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const env = options.env ?? withoutNodeOptions(process.env);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), file, ...(options.args ?? [])], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout also kills anything it started (servers, workers).
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT_CHARS) stdout += chunk;
    });
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT_CHARS) stderr += chunk;
    });
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ProgramRunError(`could not run ${file}: ${error.message}`, stdout, stderr));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      if (timedOut) {
        reject(new ProgramRunError(`${file} timed out after ${timeoutMs} ms and was killed`, stdout, stderr));
        return;
      }
      if (code !== 0) {
        reject(new ProgramRunError(`${file} exited with ${signal ? `signal ${signal}` : `code ${code}`}`, stdout, stderr));
        return;
      }
      const measurement = parseMeasurement<T>(stdout);
      if (measurement === undefined) {
        reject(new ProgramRunError(`${file} printed no JSON measurement line`, stdout, stderr));
        return;
      }
      resolve({ measurement, stdout, stderr, durationMs });
    });
  });
}

function withoutNodeOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.NODE_OPTIONS;
  return copy;
}

/** A fresh temp dir for `body`, removed afterwards whatever happens. */
export async function withTempDir<R>(prefix: string, body: (dir: string) => Promise<R>): Promise<R> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes `source` as `fileName` in a fresh temp dir, runs it like `runProgram`, and removes the dir.
 * For running a codemod's output: keep `fileName`'s extension (.mjs/.cjs) so Node loads it the same way.
 */
export function runSource<T>(fileName: string, source: string, options: RunProgramOptions = {}): Promise<ProgramRun<T>> {
  return withTempDir('leakguard-leaks-', async (dir) => {
    const file = join(dir, fileName);
    await writeFile(file, source);
    return runProgram<T>(file, { cwd: dir, ...options });
  });
}

/** How many times `pattern` occurs in `text` (e.g. GC-close warnings in a child's stderr). */
export function countMatches(text: string, pattern: RegExp): number {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].length;
}

/** Node's warning when it closes a FileHandle that was garbage-collected while open (DEP0137). */
export const GC_CLOSED_FD_WARNING = /Closing file descriptor \d+ on garbage collection/g;
