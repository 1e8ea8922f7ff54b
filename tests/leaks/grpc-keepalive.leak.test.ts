/**
 * Proof that `grpc-keepalive` fixes what `grpc-require-keepalive` finds, at runtime: a child program
 * serves a client-streaming upload (the incident's service); this process runs N clients, each on
 * its own channel (`grpc.use_local_subchannel_pool`: grpc-js would otherwise carry every call over
 * one connection), that stream through a loopback TCP proxy. Once every upload is open the proxy
 * stops forwarding without closing either socket — a black hole: no FIN, no RST. The original
 * server's handlers are all still open at the bound (its keepalive waits two hours); the codemod's
 * own output, produced here with keepalive shortened through the codemod's options, sees every one
 * cancelled within a few seconds. The server is what is tested: its keepalive is what notices.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { grpcKeepalive } from '../../src/codemods/grpc-keepalive';
import { runCodemod } from '../../src/codemod/run-codemod';

/** Uploads per run, each on its own channel and connection (issue 12: N ≥ 20). */
const N = 20;
/** Shortened for the test through the codemod's own options; the report warns that it is under five minutes. */
const KEEPALIVE_MS = 1_000;
/** How long after the black hole the server reports: past one ping interval plus its timeout, with slack for a loaded machine. */
const BOUND_MS = 4_000;

interface UploadMeasurement {
  readonly n: number;
  readonly open: number;
  readonly cancelled: number;
  readonly errored: number;
  readonly ended: number;
  readonly slowestDetectionMs: number;
}

/** A loopback TCP proxy the test controls: `blackHole()` stops forwarding in both directions and closes nothing. */
class BlackHoleProxy {
  readonly sockets: net.Socket[] = [];
  #silent = false;
  readonly #server: net.Server;

  constructor(upstreamPort: number) {
    this.#server = net.createServer((downstream) => {
      const upstream = net.connect(upstreamPort, '127.0.0.1');
      this.sockets.push(downstream, upstream);
      const forward = (from: net.Socket, to: net.Socket) => {
        from.on('data', (chunk) => {
          if (!this.#silent) to.write(chunk);
        });
        from.on('end', () => {
          if (!this.#silent) to.end();
        });
        from.on('error', () => undefined);
      };
      forward(downstream, upstream);
      forward(upstream, downstream);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return (this.#server.address() as net.AddressInfo).port;
  }

  blackHole(): void {
    this.#silent = true;
  }

  close(): void {
    for (const socket of this.sockets.splice(0)) socket.destroy();
    this.#server.close();
  }
}

/** The child's JSON lines, one at a time, as they come. */
function jsonLines(child: ChildProcessWithoutNullStreams): () => Promise<Record<string, unknown>> {
  const queue: Record<string, unknown>[] = [];
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line.startsWith('{')) continue;
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const waiter = waiting.shift();
      if (waiter) waiter(parsed);
      else queue.push(parsed);
    }
  });
  return () => {
    const next = queue.shift();
    return next ? Promise.resolve(next) : new Promise((resolve) => waiting.push(resolve));
  };
}

const bytes = (value: Buffer) => value;

/** Runs one server program: N uploads through the proxy, then the black hole, then its report. */
async function runServer(file: string): Promise<UploadMeasurement> {
  const child = spawn(process.execPath, [file, String(N), String(BOUND_MS)], { env: { ...process.env, NODE_OPTIONS: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const next = jsonLines(child);
  const clients: grpc.Client[] = [];
  let proxy: BlackHoleProxy | undefined;
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  try {
    const listening = await next();
    proxy = new BlackHoleProxy(listening.port as number);
    const proxyPort = await proxy.listen();
    for (let index = 0; index < N; index++) {
      const client = new grpc.Client(`127.0.0.1:${proxyPort}`, grpc.credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
      clients.push(client);
      const upload = client.makeClientStreamRequest('/files.Files/Upload', bytes, bytes, () => undefined);
      upload.write(Buffer.from(`chunk ${index}`));
    }
    expect(await next()).toEqual({ event: 'open', streams: N });
    expect(proxy.sockets).toHaveLength(2 * N);
    proxy.blackHole();
    child.stdin.write('silent\n');
    return (await next()) as unknown as UploadMeasurement;
  } catch (error) {
    throw new Error(`${String(error)}\n--- stderr ---\n${stderr}`);
  } finally {
    clearTimeout(killer);
    for (const client of clients) client.close();
    proxy?.close();
    child.kill();
  }
}

const program = join(__dirname, 'programs', 'grpc-upload-server.mjs');

describe('grpc-require-keepalive / grpc-keepalive at runtime: client-streaming uploads behind a black hole', () => {
  it(`the original's ${N} handlers are all still open ${BOUND_MS} ms after the network went silent; the codemod's output sees every one cancelled`, async () => {
    const source = readFileSync(program, 'utf8');
    const result = runCodemod(grpcKeepalive, { source, filePath: program }, { codemodOptions: { 'keepalive-time-ms': KEEPALIVE_MS, 'keepalive-timeout-ms': KEEPALIVE_MS } });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.outcomes[0]?.reason).toContain('too_many_pings');
    expect(result.output).toContain(`new grpc.Server({ 'grpc.keepalive_time_ms': ${KEEPALIVE_MS}, 'grpc.keepalive_timeout_ms': ${KEEPALIVE_MS} })`);
    // Next to the original, so that ESM resolves @grpc/grpc-js from this repository's node_modules.
    const fixedFile = join(__dirname, 'programs', `.grpc-upload-server.fixed.${process.pid}.mjs`);
    writeFileSync(fixedFile, result.output!);
    try {
      // Both at once: the whole proof takes one bound.
      const [original, fixed] = await Promise.all([runServer(program), runServer(fixedFile)]);
      console.log(`original: ${JSON.stringify(original)}; codemod output: ${JSON.stringify(fixed)}`);
      expect(original).toMatchObject({ open: N, cancelled: 0, errored: 0, ended: 0 });
      expect(fixed.open).toBe(0);
      expect(fixed.cancelled + fixed.errored).toBe(N);
      expect(fixed.slowestDetectionMs).toBeLessThanOrEqual(BOUND_MS);
    } finally {
      rmSync(fixedFile, { force: true });
    }
  }, 30_000);
});
