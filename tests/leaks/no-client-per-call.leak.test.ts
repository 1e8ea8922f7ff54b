/**
 * Proof that `singleton-client` fixes what `no-client-per-call` finds, at runtime: a real grpc-js
 * server in this process on 127.0.0.1 (ephemeral port); a child program that handles N messages,
 * dialing a client per message. The child counts its own sockets (/proc/self/fd) before and after:
 * the original holds one connection per message; the codemod's own output, produced here, one in all.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singletonClient } from '../../src/codemods/singleton-client';
import { runCodemod } from '../../src/codemod/run-codemod';
import { runProgram, type ProgramRun } from './measure';

/** Messages per run (DESIGN: N ≥ 50). */
const N = 60;
const MAX_FIXED_SLACK = 2;

interface SocketMeasurement {
  readonly n: number;
  readonly charged: number;
  readonly socketsBefore: number;
  readonly socketsAfter: number;
}

const json = {
  serialize: (value: unknown) => Buffer.from(JSON.stringify(value)),
  deserialize: (buffer: Buffer) => JSON.parse(buffer.toString()) as unknown,
};

const billingService: grpc.ServiceDefinition = {
  Charge: {
    path: '/billing.Billing/Charge',
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  },
};

const program = join(__dirname, 'programs', 'charge-per-message.mjs');

describe('no-client-per-call / singleton-client at runtime: a gRPC client per message', () => {
  const server = new grpc.Server();
  let address = '';

  beforeAll(async () => {
    server.addService(billingService, {
      Charge: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, { ok: true }),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    address = `127.0.0.1:${port}`;
  });

  afterAll(() => {
    server.forceShutdown();
  });

  const run = async (source: string | undefined): Promise<ProgramRun<SocketMeasurement>> => {
    const options = { args: [String(N)], timeoutMs: 30_000, env: { ...process.env, NODE_OPTIONS: '', BILLING_ADDRESS: address } };
    if (source === undefined) return runProgram<SocketMeasurement>(program, options);
    // Next to the original, so that ESM resolves @grpc/grpc-js from this repository's node_modules.
    const fixed = join(__dirname, 'programs', `.charge-per-message.${process.pid}.fixed.mjs`);
    writeFileSync(fixed, source);
    try {
      return await runProgram<SocketMeasurement>(fixed, options);
    } finally {
      rmSync(fixed, { force: true });
    }
  };

  it(`the original holds a connection per message: at least ${N / 2} sockets over baseline after ${N}`, async () => {
    const { measurement, durationMs } = await run(undefined);
    console.log(`original: sockets baseline=${measurement.socketsBefore} after=${measurement.socketsAfter} charged=${measurement.charged}; ${durationMs} ms`);
    expect(measurement.charged).toBe(N);
    expect(measurement.socketsAfter - measurement.socketsBefore).toBeGreaterThanOrEqual(N / 2);
  }, 40_000);

  it(`the codemod's output stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const source = readFileSync(program, 'utf8');
    const result = runCodemod(singletonClient, { source, filePath: program });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain('export function closeClient()');
    const { measurement, durationMs } = await run(result.output);
    console.log(`codemod output: sockets baseline=${measurement.socketsBefore} after=${measurement.socketsAfter} charged=${measurement.charged}; ${durationMs} ms`);
    expect(measurement.charged).toBe(N);
    expect(measurement.socketsAfter).toBeLessThanOrEqual(measurement.socketsBefore + MAX_FIXED_SLACK);
  }, 40_000);
});
