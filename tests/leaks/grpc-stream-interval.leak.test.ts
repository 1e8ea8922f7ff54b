/**
 * Proof that `cleanup-on-close` stops a gRPC server-streaming handler's per-call interval when the
 * client cancels: a real @grpc/grpc-js server and client in a child program (127.0.0.1, ephemeral
 * port). N calls read one message and cancel. The original keeps an interval per cancelled call; the
 * codemod's own output, produced here, clears it on `cancelled`/`close`.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run-codemod';
import { runProgram } from './measure';
import { cleanupOnClose } from '../../src/codemods/cleanup-on-close';

/** Calls per run (DESIGN: N ≥ 50). */
const N = 60;
const MAX_FIXED_SLACK = 2;

interface StreamMeasurement {
  readonly n: number;
  readonly cancelled: number;
  readonly intervalsBefore: number;
  readonly intervalsAfter: number;
  readonly timersBefore: number;
  readonly timersAfter: number;
}

const program = join(__dirname, 'programs', 'grpc-stream-interval.mjs');
const options = { args: [String(N)], timeoutMs: 20_000 };

describe.concurrent('cleanup-on-close at runtime: a gRPC stream handler’s interval after clients cancel', () => {
  it(`the original keeps at least ${N / 2} intervals over baseline after ${N} cancelled calls`, async () => {
    const { measurement: m, durationMs } = await runProgram<StreamMeasurement>(program, options);
    console.log(`original: intervals ${m.intervalsBefore}→${m.intervalsAfter}, timers ${m.timersBefore}→${m.timersAfter}; ${durationMs} ms`);
    expect(m.cancelled).toBe(N);
    expect(m.intervalsAfter - m.intervalsBefore).toBeGreaterThanOrEqual(N / 2);
  }, 30_000);

  it(`the codemod's output stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const result = runCodemod(cleanupOnClose, { source: readFileSync(program, 'utf8'), filePath: program });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain("call.on('cancelled', () => clearInterval(interval));");
    // Next to the original, so that ESM resolves @grpc/grpc-js from this repository's node_modules.
    const fixed = join(__dirname, 'programs', `.grpc-stream-interval.${process.pid}.fixed.mjs`);
    writeFileSync(fixed, result.output!);
    try {
      const { measurement: m, durationMs } = await runProgram<StreamMeasurement>(fixed, options);
      console.log(`codemod output: intervals ${m.intervalsBefore}→${m.intervalsAfter}, timers ${m.timersBefore}→${m.timersAfter}; ${durationMs} ms`);
      expect(m.cancelled).toBe(N);
      expect(m.intervalsAfter).toBeLessThanOrEqual(m.intervalsBefore + MAX_FIXED_SLACK);
    } finally {
      rmSync(fixed, { force: true });
    }
  }, 30_000);
});
