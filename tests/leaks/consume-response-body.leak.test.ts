/**
 * Proof that `consume-response-body`'s suggestion frees the connections an unread body pins: N
 * concurrent undici `request()` calls through an Agent with 2 connections, against a loopback
 * server that answers every call with an error and a 100 KiB body (past the stream buffer at which undici pauses the socket, below `dump()`'s limit). The original throws before reading
 * the body, so 2 calls settle and the rest queue for ever; with the rule's suggestion applied
 * (through ESLint) the body is dumped on that path and every call settles. undici's `request()`,
 * not `fetch`: fetch cancels unread bodies at garbage collection, which would make the proof
 * depend on GC timing.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from './measure';
import { applyRuleSuggestions } from './suggestions';

interface CallsMeasurement {
  readonly n: number;
  readonly connections: number;
  readonly settled: number;
}

const programsDir = path.join(__dirname, 'programs');
const program = path.join(programsDir, 'fetch-json-response-body.mjs');
const repoRoot = path.resolve(__dirname, '..', '..');

describe('consume-response-body at runtime', () => {
  // The rewritten program imports undici like the original: a folder whose node_modules is ours.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-response-body-'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the original stalls behind unread bodies; the suggestion applied settles every call', async () => {
    const source = readFileSync(program, 'utf8');
    const fixed = applyRuleSuggestions('consume-response-body', source, 'fetch-json-response-body.mjs');
    expect(fixed).toContain('await body.dump()');
    const fixedFile = path.join(dir, 'fetch-json-fixed.mjs');
    writeFileSync(fixedFile, fixed);
    const env = { ...process.env, CALLS: '60', NODE_OPTIONS: '' };
    const [original, suggested] = await Promise.all([runProgram<CallsMeasurement>(program, { env, timeoutMs: 20_000 }), runProgram<CallsMeasurement>(fixedFile, { env, cwd: dir, timeoutMs: 20_000 })]);
    // Each stalled connection holds one call: the rest never settle.
    expect(original.measurement.settled).toBeLessThanOrEqual(original.measurement.connections);
    expect(suggested.measurement.settled).toBe(suggested.measurement.n);
  }, 40_000);
});
