/**
 * `--codemod all` runs the catalog's codemods in its order, each on the previous one's output. The
 * order is deliberate: `singleton-client` writes a long-lived client, which then needs keepalive
 * (`grpc-keepalive`) and whose calls need deadlines (`grpc-deadline`). After the whole run, every
 * leakguard rule — the opt-in gRPC rules included — is quiet on what the codemods fixed.
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runCodemod } from '../../src/codemod/run-codemod';
import { codemodDescriptors, ruleDescriptors } from '../../src/descriptors/catalog';
import { lintWithRules } from './support/paired-rule';
import { FixtureProject } from './support/typescript-project';

const perMessageClient = `import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(): Promise<void> {
  await consumer.connect();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
      client.makeUnaryRequest('/billing.Billing/Charge', (value: Buffer) => value, (value: Buffer) => value, message.value ?? Buffer.alloc(0), (error) => {
        if (error) console.error(error.code);
      });
    },
  });
}
`;

describe('--codemod all', () => {
  it('runs singleton-client, then grpc-keepalive, then grpc-deadline, then the rest', () => {
    expect(codemodDescriptors.slice(0, 3).map((codemod) => codemod.name)).toEqual(['singleton-client', 'grpc-keepalive', 'grpc-deadline']);
  });

  const project = new FixtureProject('codemod-order');
  afterAll(() => project.remove());

  // The chain runs untyped (each codemod's typed run is the fixture harness's); the preset lints its result both ways.
  const runAll = () => {
    let source = perMessageClient;
    const applied: string[] = [];
    for (const codemod of codemodDescriptors) {
      const result = runCodemod(codemod, { source, filePath: path.join(project.dir, `${codemod.name}.ts`) });
      expect(result.outcomes.filter((outcome) => outcome.status !== 'fixed'), codemod.name).toEqual([]);
      if (result.output !== undefined) applied.push(codemod.name);
      source = result.output ?? source;
    }
    return { source, applied };
  };
  const combined = runAll();

  it('gives the shared client singleton-client writes keepalive, and its call a deadline', () => {
    expect(combined.applied).toEqual(['singleton-client', 'grpc-keepalive', 'grpc-deadline']);
    expect(combined.source).toContain("(client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure(), { 'grpc.keepalive_time_ms': 300000, 'grpc.keepalive_timeout_ms': 10000 }))");
    expect(combined.source).toContain('{ deadline: Date.now() + 10000 }, (error) =>');
  });

  for (const typed of [false, true]) {
    it(`leaves every leakguard rule quiet on the combined output (${typed ? 'typed' : 'untyped'})`, () => {
      const filePath = project.write(`combined-${typed ? 'typed' : 'untyped'}.ts`, combined.source);
      const program = typed ? ts.createProgram({ rootNames: [filePath], options: project.compilerOptions }) : undefined;
      expect(lintWithRules(ruleDescriptors, combined.source, filePath, 'ts', { program })).toEqual([]);
    });
  }
});

describe('grpc-keepalive under five minutes', () => {
  it('applies a short time as asked and warns about GOAWAY too_many_pings', () => {
    const grpcKeepalive = codemodDescriptors.find((codemod) => codemod.name === 'grpc-keepalive')!;
    const source = `const grpc = require('@grpc/grpc-js');\nconst client = new grpc.Client('a:1', grpc.credentials.createInsecure());\nmodule.exports = { client };\n`;
    const result = runCodemod(grpcKeepalive, { source, filePath: path.join(__dirname, 'short.cjs') }, { codemodOptions: { 'keepalive-time-ms': 1000, 'keepalive-timeout-ms': 1000 } });
    expect(result.output).toContain("{ 'grpc.keepalive_time_ms': 1000, 'grpc.keepalive_timeout_ms': 1000 }");
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.outcomes[0]?.reason).toContain('too_many_pings');
  });
});
