/**
 * Proof that `grpc-deadline` fixes what `grpc-call-deadline` finds, at runtime: a real grpc-js server
 * in this process on 127.0.0.1 (ephemeral port) that accepts every call and never answers (a stalled
 * dependency); a child program that makes N calls at once without a deadline. At the bound the
 * original's calls are all still pending; the codemod's own output (produced here, with a short
 * `--deadline-ms` for the test) has failed every one with DEADLINE_EXCEEDED within its deadline.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grpcDeadline } from '../../src/codemods/grpc-deadline';
import { runCodemod } from '../../src/codemod/run-codemod';
import { runProgram } from './measure';

/** Calls per run (DESIGN: N ≥ 50). */
const N = 60;
const DEADLINE_MS = 300;
/** How long the program waits before it reports: well past the deadline, short of any test timeout. */
const BOUND_MS = 1_500;

interface QuoteMeasurement {
  readonly n: number;
  readonly pending: number;
  readonly deadlineExceeded: number;
  readonly otherErrors: number;
  readonly slowestFailureMs: number;
}

const bytes = { serialize: (value: Buffer) => value, deserialize: (buffer: Buffer) => buffer };
const pricingService: grpc.ServiceDefinition = {
  Quote: { path: '/pricing.Pricing/Quote', requestStream: false, responseStream: false, requestSerialize: bytes.serialize, requestDeserialize: bytes.deserialize, responseSerialize: bytes.serialize, responseDeserialize: bytes.deserialize },
};

const program = join(__dirname, 'programs', 'grpc-quote-requests.mjs');

describe('grpc-call-deadline / grpc-deadline at runtime: calls to a server that never answers', () => {
  const server = new grpc.Server();
  let address = '';

  beforeAll(async () => {
    // Accepts the call and never answers: the stalled server of the incident.
    server.addService(pricingService, { Quote: () => undefined });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => server.forceShutdown());

  const run = async (source: string, name: string) => {
    // Next to the original, so that ESM resolves @grpc/grpc-js from this repository's node_modules.
    const file = join(__dirname, 'programs', `.grpc-quote-requests.${name}.${process.pid}.mjs`);
    writeFileSync(file, source);
    try {
      return await runProgram<QuoteMeasurement>(file, { args: [String(N), String(BOUND_MS)], timeoutMs: 20_000, env: { ...process.env, NODE_OPTIONS: '', PRICING_ADDRESS: address } });
    } finally {
      rmSync(file, { force: true });
    }
  };

  it(`the original's ${N} calls are all still pending at ${BOUND_MS} ms; the codemod's output fails each with DEADLINE_EXCEEDED within its ${DEADLINE_MS} ms deadline`, async () => {
    const source = readFileSync(program, 'utf8');
    const result = runCodemod(grpcDeadline, { source, filePath: program }, { codemodOptions: { 'deadline-ms': DEADLINE_MS } });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain(`{ deadline: Date.now() + ${DEADLINE_MS} }, callback`);
    // Both at once: the whole proof takes one bound.
    const [original, fixed] = await Promise.all([run(source, 'original'), run(result.output!, 'fixed')]);
    console.log(`original: ${JSON.stringify(original.measurement)}; codemod output: ${JSON.stringify(fixed.measurement)}`);
    expect(original.measurement.pending).toBe(N);
    expect(fixed.measurement).toMatchObject({ pending: 0, deadlineExceeded: N, otherErrors: 0 });
    // The deadline counts from each call; the slack is for starting N calls and a loaded machine.
    expect(fixed.measurement.slowestFailureMs).toBeLessThan(DEADLINE_MS + 700);
  }, 30_000);
});
