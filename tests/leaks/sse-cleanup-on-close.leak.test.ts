/**
 * Proof that `cleanup-on-close` fixes the SSE incident at runtime: a real node:http server in a child
 * program (127.0.0.1, ephemeral port) whose handler starts a ping interval and subscribes a
 * module-level bus per client. N clients connect and leave. The original keeps a timer and a
 * listener per departed client; the codemod's own output, produced here, releases both on `close`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run-codemod';
import { runProgram, runSource } from './measure';
import { cleanupOnClose } from '../../src/codemods/cleanup-on-close';

/** Clients per run (DESIGN: N ≥ 50). */
const N = 60;
const MAX_FIXED_SLACK = 2;

interface SseMeasurement {
  readonly n: number;
  readonly connected: number;
  readonly timersBefore: number;
  readonly timersAfter: number;
  readonly listenersBefore: number;
  readonly listenersAfter: number;
}

const program = join(__dirname, 'programs', 'sse-orders.mjs');
const options = { args: [String(N)], timeoutMs: 20_000 };

describe.concurrent('cleanup-on-close at runtime: an SSE handler’s interval and bus listener after clients leave', () => {
  it(`the original keeps at least ${N / 2} timers and listeners over baseline after ${N} clients left`, async () => {
    const { measurement: m, durationMs } = await runProgram<SseMeasurement>(program, options);
    console.log(`original: timers ${m.timersBefore}→${m.timersAfter}, listeners ${m.listenersBefore}→${m.listenersAfter}; ${durationMs} ms`);
    expect(m.connected).toBe(N);
    expect(m.timersAfter - m.timersBefore).toBeGreaterThanOrEqual(N / 2);
    expect(m.listenersAfter - m.listenersBefore).toBeGreaterThanOrEqual(N / 2);
  }, 30_000);

  it(`the codemod's output stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const result = runCodemod(cleanupOnClose, { source: readFileSync(program, 'utf8'), filePath: program });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed', 'fixed']);
    expect(result.output).toContain("req.on('close', () => clearInterval(interval));");
    expect(result.output).toContain("req.on('close', () => bus.off('order', onOrder));");
    const { measurement: m, durationMs } = await runSource<SseMeasurement>('sse-orders.fixed.mjs', result.output!, options);
    console.log(`codemod output: timers ${m.timersBefore}→${m.timersAfter}, listeners ${m.listenersBefore}→${m.listenersAfter}; ${durationMs} ms`);
    expect(m.connected).toBe(N);
    expect(m.timersAfter).toBeLessThanOrEqual(m.timersBefore + MAX_FIXED_SLACK);
    expect(m.listenersAfter).toBeLessThanOrEqual(m.listenersBefore + MAX_FIXED_SLACK);
  }, 30_000);
});
