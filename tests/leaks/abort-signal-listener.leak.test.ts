/**
 * Proof that `cleanup-on-close` fixes what `no-leaked-listener` finds on a caller's AbortSignal: a
 * child program calls an async helper N times with one long-lived signal. The original leaves an
 * `abort` listener per call on it; the codemod's own output, produced here, removes each in a
 * `finally` when the call settles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupOnClose } from '../../src/codemods/cleanup-on-close';
import { runCodemod } from '../../src/codemod/run-codemod';
import { runProgram, runSource } from './measure';

/** Calls per run (DESIGN: N ≥ 50). */
const N = 60;
const MAX_FIXED_SLACK = 2;

interface SignalMeasurement {
  readonly n: number;
  readonly fetched: number;
  readonly listenersBefore: number;
  readonly listenersAfter: number;
}

const program = join(__dirname, 'programs', 'abort-signal-helper.mjs');
const options = { args: [String(N)], timeoutMs: 20_000 };

describe.concurrent('no-leaked-listener / cleanup-on-close at runtime: a helper listening to its caller’s signal', () => {
  it(`the original leaves at least ${N / 2} abort listeners on the signal after ${N} calls`, async () => {
    const { measurement: m, durationMs } = await runProgram<SignalMeasurement>(program, options);
    console.log(`original: abort listeners ${m.listenersBefore}→${m.listenersAfter}; ${durationMs} ms`);
    expect(m.fetched).toBe(N);
    expect(m.listenersAfter - m.listenersBefore).toBeGreaterThanOrEqual(N / 2);
  }, 30_000);

  it(`the codemod's output stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const result = runCodemod(cleanupOnClose, { source: readFileSync(program, 'utf8'), filePath: program });
    expect(result.outcomes.map((outcome) => `${outcome.ruleId} ${outcome.status}`)).toEqual(['no-leaked-listener fixed']);
    expect(result.output).toContain("options.signal?.removeEventListener('abort', onAbort);");
    const { measurement: m, durationMs } = await runSource<SignalMeasurement>('abort-signal-helper.fixed.mjs', result.output!, options);
    console.log(`codemod output: abort listeners ${m.listenersBefore}→${m.listenersAfter}; ${durationMs} ms`);
    expect(m.fetched).toBe(N);
    expect(m.listenersAfter).toBeLessThanOrEqual(m.listenersBefore + MAX_FIXED_SLACK);
  }, 30_000);
});
