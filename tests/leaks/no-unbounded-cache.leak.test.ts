/**
 * Proof that `bounded-cache` fixes what `no-unbounded-cache` finds, at runtime: the program in
 * ./programs memoises every distinct id in a module-level Map, so its heap after GC grows linearly
 * with the number of ids; the codemod's own output of that program, produced here, keeps at most
 * `max` entries, so its heap stays flat. The child runs with --expose-gc and measures itself.
 */
import { readFileSync } from 'node:fs';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodemodResult } from '../../src/codemod/outcome';
import { boundedCache } from '../../src/codemods/bounded-cache';
import { runCodemod } from '../../src/codemod/run-codemod';
import { repoRoot } from '../typed-project';
import { runProgram, withTempDir, type ProgramRun } from './measure';

/** Distinct ids per run: about 1 KB of profile each, so the leak is tens of MB, well above GC noise. */
const N = 20_000;
/** lru-cache's `max` the codemod writes (its default). */
const MAX = 1000;
/** Bytes a leaked entry must cost at least (the profile alone is ~1 KB; half of it is a safe floor). */
const MIN_BYTES_PER_LEAKED_ENTRY = 500;
/** What `MAX` entries may cost, with room for the map's own structures and GC noise. */
const MAX_FIXED_GROWTH = MAX * 3 * 1024;
const RUN_TIMEOUT_MS = 30_000;

interface HeapMeasurement {
  readonly program: string;
  readonly n: number;
  readonly hits: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
}

const programFile = join(__dirname, 'programs', 'profile-cache.mjs');
const source = readFileSync(programFile, 'utf8');
const runOptions = (n: number) => ({ args: [String(n)], nodeFlags: ['--expose-gc'], timeoutMs: RUN_TIMEOUT_MS });

const growth = (run: ProgramRun<HeapMeasurement>) => run.measurement.heapAfter - run.measurement.heapBefore;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function figures(label: string, run: ProgramRun<HeapMeasurement>): string {
  const { n, heapBefore, heapAfter } = run.measurement;
  return `${label}: ${n} ids, heap after GC ${megabytes(heapBefore)} → ${megabytes(heapAfter)} (+${megabytes(heapAfter - heapBefore)}); ${run.durationMs} ms`;
}

/** Runs the codemod's output as an ES module in a temp dir whose node_modules is this repository's, so `lru-cache` resolves. */
function runRewritten(output: string, n: number): Promise<ProgramRun<HeapMeasurement>> {
  return withTempDir('leakguard-cache-', async (dir) => {
    await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, 'profile-cache.mjs');
    await writeFile(file, output);
    return runProgram<HeapMeasurement>(file, { cwd: dir, ...runOptions(n) });
  });
}

describe('no-unbounded-cache / bounded-cache at runtime: profile-cache.mjs', () => {
  it(`the original's heap grows linearly with the ids it sees: ${N / 2} then ${N} ids`, async () => {
    const half = await runProgram<HeapMeasurement>(programFile, runOptions(N / 2));
    const full = await runProgram<HeapMeasurement>(programFile, runOptions(N));
    console.log(figures('profile-cache.mjs original', half));
    console.log(figures('profile-cache.mjs original', full));
    expect(full.measurement.hits).toBe(N);
    expect(growth(full)).toBeGreaterThanOrEqual(N * MIN_BYTES_PER_LEAKED_ENTRY);
    // Twice the ids, about twice the heap: the cache keeps every one of them.
    const ratio = growth(full) / growth(half);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
  }, 60_000);

  it(`the codemod's output stays bounded by max (${MAX}) whatever the number of ids`, async () => {
    const result: CodemodResult = runCodemod(boundedCache, { source, filePath: programFile });
    console.log(`profile-cache.mjs codemod outcomes: ${result.outcomes.map((o) => `${o.line}:${o.column} ${o.status}${o.reason ? ` (${o.reason})` : ''}`).join('; ')}`);
    expect(result.parseError).toBeUndefined();
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    const output = result.output!;
    expect(output).toContain("import { LRUCache } from 'lru-cache';");
    expect(output).toContain(`const profiles = new LRUCache({ max: ${MAX} });`);

    const half = await runRewritten(output, N / 2);
    const full = await runRewritten(output, N);
    const original = await runProgram<HeapMeasurement>(programFile, runOptions(N));
    console.log(figures('profile-cache.mjs original', original));
    console.log(figures('profile-cache.mjs codemod output', half));
    console.log(figures('profile-cache.mjs codemod output', full));
    // Same answers: every lookup still returns the profile of the id asked for.
    expect(full.measurement.hits).toBe(original.measurement.hits);
    expect(growth(full)).toBeLessThan(MAX_FIXED_GROWTH);
    expect(growth(full)).toBeLessThan(growth(original) / 5);
    // Twice the ids, the same heap: eviction keeps it at `max` entries.
    expect(Math.abs(growth(full) - growth(half))).toBeLessThan(MAX * 1024);
  }, 90_000);
});

interface PendingMeasurement {
  readonly program: string;
  readonly n: number;
  readonly timedOut: number;
  readonly pending: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
}

/** Requests nobody answers: each one times out after 1 ms. */
const UNANSWERED = 2_000;
const pendingFile = join(__dirname, 'programs', 'pending-replies.mjs');
const pendingOptions = { args: [String(UNANSWERED)], nodeFlags: ['--expose-gc'], timeoutMs: RUN_TIMEOUT_MS };

describe('no-unbounded-cache / bounded-cache at runtime: pending-replies.mjs', () => {
  it(`the original keeps every request that timed out (${UNANSWERED}); the codemod's output keeps none`, async () => {
    const original = await runProgram<PendingMeasurement>(pendingFile, pendingOptions);
    const result: CodemodResult = runCodemod(boundedCache, { source: readFileSync(pendingFile, 'utf8'), filePath: pendingFile });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain('setTimeout(() => {\n        this.pending.delete(id);\n        reject(');
    const rewritten = await withTempDir('leakguard-pending-', async (dir) => {
      const file = join(dir, 'pending-replies.mjs');
      await writeFile(file, result.output!);
      return runProgram<PendingMeasurement>(file, { cwd: dir, ...pendingOptions });
    });
    for (const [label, run] of [['original', original], ['rewritten', rewritten]] as const) {
      const { n, timedOut, pending, heapBefore, heapAfter } = run.measurement;
      console.log(`pending-replies.mjs ${label}: ${n} requests, ${timedOut} timed out, ${pending} left pending, heap after GC ${megabytes(heapBefore)} → ${megabytes(heapAfter)}; ${run.durationMs} ms`);
    }
    expect(original.measurement.timedOut).toBe(UNANSWERED);
    expect(original.measurement.pending).toBe(UNANSWERED);
    expect(rewritten.measurement.timedOut).toBe(UNANSWERED);
    expect(rewritten.measurement.pending).toBe(0);
  }, 60_000);
});

interface AnsweredMeasurement {
  readonly program: string;
  readonly n: number;
  readonly answered: number;
  readonly pending: number;
}

/** Requests the peer answers at once: each clears its timeout, none times out. */
const ANSWERED = 2_000;
const answeredFile = join(__dirname, 'programs', 'answered-callbacks.mjs');
const answeredOptions = { args: [String(ANSWERED)], nodeFlags: ['--expose-gc'], timeoutMs: RUN_TIMEOUT_MS };

describe('no-unbounded-cache / bounded-cache at runtime: answered-callbacks.mjs', () => {
  it(`the original keeps every request answered in time (${ANSWERED}); the codemod's output keeps none`, async () => {
    const original = await runProgram<AnsweredMeasurement>(answeredFile, answeredOptions);
    const result: CodemodResult = runCodemod(boundedCache, { source: readFileSync(answeredFile, 'utf8'), filePath: answeredFile });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain('clearTimeout(timeout);\n        delete client.callbacks[id];');
    const rewritten = await withTempDir('leakguard-answered-', async (dir) => {
      const file = join(dir, 'answered-callbacks.mjs');
      await writeFile(file, result.output!);
      return runProgram<AnsweredMeasurement>(file, { cwd: dir, ...answeredOptions });
    });
    for (const [label, run] of [['original', original], ['rewritten', rewritten]] as const) {
      const { n, answered, pending } = run.measurement;
      console.log(`answered-callbacks.mjs ${label}: ${n} requests, ${answered} answered, ${pending} left pending; ${run.durationMs} ms`);
    }
    expect(original.measurement.answered).toBe(ANSWERED);
    expect(original.measurement.pending).toBe(ANSWERED);
    expect(rewritten.measurement.answered).toBe(ANSWERED);
    expect(rewritten.measurement.pending).toBe(0);
  }, 60_000);
});
