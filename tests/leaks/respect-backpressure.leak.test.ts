/**
 * Proof that `respect-backpressure`'s suggestion bounds what a server buffers for a slow client: a
 * real node:http server (in a child program) streams N rows to a client that reads a little and then
 * stops. The original loop drops `write()`'s `false` and buffers most of the export in the
 * response; the program with the rule's suggestion applied (through ESLint, as an editor would)
 * waits for `drain` and stays within a few high-water marks. RSS is too noisy to assert; the
 * response's own `writableLength` is exact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram, runSource } from './measure';
import { applyRuleSuggestions } from './suggestions';

interface ExportMeasurement {
  readonly n: number;
  readonly totalBytes: number;
  readonly rowsWritten: number;
  readonly writableLength: number;
  readonly highWaterMark: number;
}

const program = join(__dirname, 'programs', 'export-rows-backpressure.mjs');
/** Rows per run (DESIGN: N ≥ 50): 2000 rows of 8 KiB, far more than loopback's socket buffers hold. */
const ROWS = '2000';

describe('respect-backpressure at runtime', () => {
  it('the original buffers most of the export; the suggestion keeps a few high-water marks', async () => {
    const source = readFileSync(program, 'utf8');
    const fixed = applyRuleSuggestions('respect-backpressure', source, 'export-rows-backpressure.mjs');
    expect(fixed).toContain('if (!res.write(line)) await drainOrClose(res)');
    const env = { ...process.env, ROWS, NODE_OPTIONS: '' };
    const [original, suggested] = await Promise.all([
      runProgram<ExportMeasurement>(program, { env, timeoutMs: 20_000 }),
      runSource<ExportMeasurement>('export-rows-fixed.mjs', fixed, { env, timeoutMs: 20_000 }),
    ]);
    const before = original.measurement;
    const after = suggested.measurement;
    // Loopback's kernel buffers absorb a few MB; the rest sits in the response.
    expect(before.rowsWritten).toBe(before.n);
    expect(before.writableLength).toBeGreaterThan(before.totalBytes / 3);
    expect(after.writableLength).toBeLessThanOrEqual(3 * after.highWaterMark);
    expect(after.rowsWritten).toBeLessThan(after.n);
  }, 40_000);
});
