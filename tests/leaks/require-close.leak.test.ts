/**
 * Proof that `try-finally-close` fixes what `require-close` finds, at runtime: each program in
 * ./programs leaks file descriptors when run; the codemod's own output of that program, produced
 * here, runs the same driver and does not. Open fds are counted by the program itself from
 * /proc/self/fd (Linux) right before and right after N calls.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryFinallyClose } from '../../src/codemods/try-finally-close';
import { runCodemod } from '../../src/codemod/run-codemod';
import type { CodemodResult, FindingOutcome } from '../../src/codemod/outcome';
import { countMatches, GC_CLOSED_FD_WARNING, runProgram, runSource, type ProgramRun } from './measure';

/** Calls per run (DESIGN: N ≥ 50). */
const N = 60;
/** The original must leak at least this many fds over its baseline (N/2 would be the failing half;
 * N/4 leaves room for a stray GC closing FileHandles in the async program). */
const MIN_LEAKED = N / 4;
/** The codemod's output may end within this many fds of its baseline. */
const MAX_FIXED_SLACK = 2;
const RUN_TIMEOUT_MS = 20_000;

interface FdMeasurement {
  readonly program: string;
  readonly n: number;
  readonly fdsBefore: number;
  readonly fdsAfter: number;
  readonly [behaviour: string]: unknown;
}

interface ProgramCase {
  readonly file: string;
  /** The function that owns the leaking handle: the codemod's findings must be in it, and only it may change. */
  readonly leakyFunction: string;
  /** What the driver counted (successes, failures …): the rewritten program must count the same. */
  readonly behaviourKeys: readonly string[];
  readonly nodeFlags: readonly string[];
}

const programsDir = join(__dirname, 'programs');

const cases: readonly ProgramCase[] = [
  {
    file: 'read-config.mjs',
    leakyFunction: 'export async function loadConfig(',
    behaviourKeys: ['ok', 'failed'],
    // Node closes an unreachable FileHandle on GC (a scavenge is enough). A young generation that
    // the loop cannot fill keeps GC from hiding leaked handles during the N calls; GC is not
    // disabled, and the same flags run the fixed program. See the comment in the program.
    nodeFlags: ['--min-semi-space-size=16', '--max-semi-space-size=64'],
  },
  {
    file: 'tail-log.mjs',
    leakyFunction: 'export function tailLog(',
    behaviourKeys: ['ok', 'empty', 'failed'],
    // A bare fd from openSync is a number: GC never closes it.
    nodeFlags: [],
  },
];

/** 1-based lines of the function that starts with `header` and ends at the next `}` in column 0. */
function functionSpan(source: string, header: string): { start: number; end: number } {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) throw new Error(`no line starts with ${header}`);
  const end = lines.findIndex((line, index) => index > start && line === '}');
  if (end < 0) throw new Error(`no end for ${header}`);
  return { start: start + 1, end: end + 1 };
}

function figures(label: string, run: ProgramRun<FdMeasurement>): string {
  const { fdsBefore, fdsAfter } = run.measurement;
  const gcClosed = countMatches(run.stderr, GC_CLOSED_FD_WARNING);
  const extra = Object.entries(run.measurement)
    .filter(([key]) => !['program', 'fdsBefore', 'fdsAfter'].includes(key))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `${label}: fds baseline=${fdsBefore} after=${fdsAfter} (+${fdsAfter - fdsBefore}); ${extra}; GC-closed fds warned=${gcClosed}; ${run.durationMs} ms`;
}

function behaviour(measurement: FdMeasurement, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, measurement[key]]));
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

for (const program of cases) {
  describe(`require-close / try-finally-close at runtime: ${program.file}`, () => {
    const filePath = join(programsDir, program.file);
    const source = readFileSync(filePath, 'utf8');
    const span = functionSpan(source, program.leakyFunction);
    const runOptions = { args: [String(N)], nodeFlags: program.nodeFlags, timeoutMs: RUN_TIMEOUT_MS };
    const original = once(() => runProgram<FdMeasurement>(filePath, runOptions));

    it(`the original leaks fds: after ${N} calls, at least ${MIN_LEAKED} over baseline`, async () => {
      const run = await original();
      console.log(figures(`${program.file} original`, run));
      const { n, fdsBefore, fdsAfter } = run.measurement;
      expect(n).toBe(N);
      expect(fdsAfter - fdsBefore).toBeGreaterThanOrEqual(MIN_LEAKED);
    }, 30_000);

    it(`the codemod's output of it does not: within baseline + ${MAX_FIXED_SLACK}, same behaviour`, async () => {
      const result: CodemodResult = runCodemod(tryFinallyClose, { source, filePath }, {});
      console.log(
        `${program.file} codemod outcomes:\n${result.outcomes
          .map((o: FindingOutcome) => `  ${o.line}:${o.column} ${o.ruleId} ${o.status}${o.reason ? ` (${o.reason})` : ''}: ${o.message}`)
          .join('\n')}`,
      );
      expect(result.parseError).toBeUndefined();
      expect(result.output, 'the codemod left the program unchanged').toBeDefined();
      const output = result.output!;

      // It fixed the leak in the leaky function, and reported nothing it could not fix, nor anything elsewhere
      // (the driver owns no handle).
      expect(
        result.outcomes.some((o) => o.status === 'fixed' && o.line >= span.start && o.line <= span.end),
        `no 'fixed' outcome in lines ${span.start}-${span.end}`,
      ).toBe(true);
      expect(result.outcomes.filter((o) => o.status !== 'fixed')).toEqual([]);
      expect(result.outcomes.filter((o) => o.line < span.start || o.line > span.end)).toEqual([]);

      // Only the leaky function changed: the code before it and the measuring driver after it are the
      // original's, byte for byte, so both runs measure the same way.
      const lines = source.split('\n');
      const before = lines.slice(0, span.start - 1).join('\n');
      const after = lines.slice(span.end).join('\n');
      expect(output.startsWith(before), 'the code before the leaky function changed').toBe(true);
      expect(output.endsWith(after), 'the driver after the leaky function changed').toBe(true);
      expect(output).toContain('finally');

      const fixed = await runSource<FdMeasurement>(basename(program.file), output, runOptions);
      const leaky = await original();
      console.log(figures(`${program.file} original`, leaky));
      console.log(figures(`${program.file} codemod output`, fixed));

      const { n, fdsBefore, fdsAfter } = fixed.measurement;
      expect(n).toBe(N);
      expect(fdsAfter).toBeLessThanOrEqual(fdsBefore + MAX_FIXED_SLACK);
      expect(behaviour(fixed.measurement, program.behaviourKeys)).toEqual(behaviour(leaky.measurement, program.behaviourKeys));
    }, 30_000);
  });
}
