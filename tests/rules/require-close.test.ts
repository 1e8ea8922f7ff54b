import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/require-close';
import { sharedInvalidCases, type SharedError, type SharedInvalidCase } from './require-close.invalid-cases';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

function invalidCase(shared: SharedInvalidCase, mode: 'typed' | 'untyped'): InvalidTestCase<MessageIds, Options> {
  const error = (expected: SharedError) => ({
    messageId: expected.messageId,
    ...(expected.line ? { line: expected.line } : {}),
    ...(expected.data ? { data: expected.data } : {}),
    suggestions: [
      ...(expected.tryFinally ? [{ messageId: 'wrapInTryFinally' as const, output: expected.tryFinally }] : []),
      ...(expected.destroyOnPeerClose ? [{ messageId: 'destroyOnPeerClose' as const, output: expected.destroyOnPeerClose }] : []),
      ...(expected.suggestion ? [{ messageId: expected.suggestion.messageId, output: expected.suggestion.output }] : []),
      ...(mode === 'typed' && expected.using ? [{ messageId: 'declareWithUsing' as const, output: expected.using }] : []),
    ],
  });
  return {
    name: shared.name,
    code: shared.code,
    ...(shared.options ? { options: [shared.options] as Options } : {}),
    errors: [error(shared), ...(shared.more ?? []).map(error)],
  };
}

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Cases whose verdict does not depend on type information: both modes must agree. */
const valid = [
  {
    name: 'a file handle closed in finally',
    code: `
import { open } from 'node:fs/promises';
export async function readConfig(path: string) {
  const fh = await open(path, 'r');
  try {
    return JSON.parse(await fh.readFile('utf8'));
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'await using disposes on every path',
    code: `
import { open } from 'node:fs/promises';
export async function size(path: string) {
  await using fh = await open(path);
  return (await fh.stat()).size;
}`,
  },
  {
    name: 'a handle returned to the caller is the caller’s to close',
    code: `
import { open } from 'node:fs/promises';
export async function openLog(path: string) {
  const fh = await open(path, 'a');
  return fh;
}`,
  },
  {
    name: 'a handle returned through an alias',
    code: `
import fs from 'node:fs';
export function openForRead(path: string) {
  const fd = fs.openSync(path, 'r');
  const handle = fd;
  return handle;
}`,
  },
  {
    name: 'a stream stored on the instance lives as long as the instance',
    code: `
import fs from 'node:fs';
export class AuditLog {
  private stream?: fs.WriteStream;
  start(path: string) {
    const stream = fs.createWriteStream(path, { flags: 'a' });
    this.stream = stream;
  }
}`,
  },
  {
    name: 'stream.pipeline owns and destroys both streams, errors included',
    code: `
import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
export async function compress(source: string, target: string) {
  const input = fs.createReadStream(source);
  const gzip = zlib.createGzip();
  await pipeline(input, gzip, fs.createWriteStream(target));
}`,
  },
  {
    name: 'a handle passed to an unknown function is handed over (default option)',
    code: `
import { open } from 'node:fs/promises';
declare function consume(handle: unknown): Promise<void>;
export async function handOver(path: string) {
  const fh = await open(path);
  await consume(fh);
}`,
  },
  {
    name: 'module top level runs once',
    code: `
import fs from 'node:fs';
export const watcher = fs.watch('.');
const fd = fs.openSync('app.log', 'a');
fs.writeSync(fd, 'started');`,
  },
  {
    name: 'a release handed to a callback is not judged here',
    code: `
import fs from 'node:fs';
export function watchUntil(dir: string, signal: AbortSignal) {
  const watcher = fs.watch(dir);
  signal.addEventListener('abort', () => watcher.close());
}`,
  },
  {
    name: 'piping a file stream into a file hands it to the destination',
    code: `
import fs from 'node:fs';
export function copy(path: string, target: fs.WriteStream) {
  const stream = fs.createReadStream(path);
  stream.pipe(target);
}
export function copyChained(path: string, target: fs.WriteStream) {
  fs.createReadStream(path).pipe(target);
}`,
  },
  {
    name: 'an event-driven socket lives on in its listeners',
    code: `
import net from 'node:net';
export function ping(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('connect', () => socket.end('PING'));
}`,
  },
  {
    name: 'for await consumes the readline interface and closes it on break or throw',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function countLines(path: string) {
  const lines = readline.createInterface({ input: fs.createReadStream(path) });
  let count = 0;
  for await (const line of lines) if (line) count++;
  return count;
}`,
  },
  {
    name: 'Node’s documented idiom: a for await drains the interface and so reads its input stream to the end',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function countLines(path: string) {
  const input = fs.createReadStream(path);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) if (line) count++;
  return count;
}`,
  },
  {
    name: 'stream writes report failure as error events, not exceptions: nothing between open and end throws',
    code: `
import fs from 'node:fs';
export function writeReport(path: string, lines: string[]) {
  const out = fs.createWriteStream(path);
  out.write('report\\n');
  for (const line of lines) out.write(line);
  out.end();
}`,
  },
  {
    name: 'a pg client released in finally',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function countUsers() {
  const client = await pool.connect();
  try {
    const result = await client.query('select count(*) from users');
    return result.rows[0];
  } finally {
    client.release();
  }
}`,
  },
  {
    name: 'declared before the try, acquired inside it, released under a guard',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
export async function firstLine(path: string) {
  let fh: FileHandle | undefined;
  try {
    fh = await open(path);
    const text = await fh.readFile('utf8');
    return text.split('\\n')[0];
  } finally {
    if (fh) await fh.close();
  }
}`,
  },
  {
    name: 'released in catch (then rethrown) and after the try',
    code: `
import fs from 'node:fs';
export function readHeader(path: string) {
  const fd = fs.openSync(path, 'r');
  const header = Buffer.alloc(16);
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
  fs.closeSync(fd);
  return header;
}`,
  },
  {
    name: 'nothing between acquisition and release can throw',
    code: `
import fs from 'node:fs';
export function touch(path: string) {
  const fd = fs.openSync(path, 'a');
  console.log('touched', path);
  fs.closeSync(fd);
}`,
  },
  {
    name: 'pool.connect with a callback returns nothing to release here',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export function withCallback() {
  pool.connect((error, client, done) => {
    if (error) return;
    client?.query('select 1', () => done());
  });
}`,
  },
  {
    name: 'a getter that returns a stored stream does not open one',
    code: `
import fs from 'node:fs';
class Log {
  #stream = fs.createWriteStream('app.log');
  stream() { return this.#stream; }
}
export function note(log: Log) {
  const stream = log.stream();
  stream.write('note');
}`,
  },
  {
    name: 'an eslint-disable comment is ESLint’s to honour; the code itself is fine here too',
    code: `
import { open } from 'node:fs/promises';
export async function stat(path: string) {
  const fh = await open(path);
  try { return await fh.stat(); } finally { await fh.close(); }
}`,
  },
  {
    name: 'a stream lent to readline is released by a finally that first closes the interface (close() cannot throw)',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function firstLines(path: string, count: number) {
  const input = fs.createReadStream(path);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const lines: string[] = [];
  try {
    for await (const line of rl) {
      lines.push(line);
      if (lines.length >= count) break;
    }
  } finally {
    rl.close();
    input.destroy();
  }
  return lines;
}`,
  },
  {
    name: 'an inline readline input that a for await reads to its end closes itself there',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function countLines(path: string) {
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  let count = 0;
  for await (const line of rl) {
    if (line.length > 0) count++;
  }
  return count;
}`,
  },
  {
    name: 'a handle handed over on success and closed only when the hand-off fails is not this function’s to close',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
declare function register(handle: FileHandle): void;
export async function track(path: string) {
  const fh = await open(path, 'r');
  try {
    register(fh);
  } catch (error) {
    await fh.close();
    throw error;
  }
}`,
  },
  {
    name: 'a pool client lent to a callback and released in a finally nothing can skip',
    code: `
import type { Pool, PoolClient } from 'pg';
export async function withClient<T>(pool: Pool, callback: (context: { client: PoolClient }) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await callback({ client });
  } finally {
    client.release();
  }
}`,
  },
  {
    name: 'a stream destroyed by the catch when opening it fails, handed over on success',
    code: `
import fs from 'node:fs';
import { Readable } from 'node:stream';
export async function firstReadable(paths: string[]) {
  for (const path of paths) {
    let stream: fs.ReadStream | undefined;
    try {
      stream = fs.createReadStream(path);
      const opened = stream;
      await new Promise<void>((resolve, reject) => {
        opened.once('open', () => resolve());
        opened.once('error', reject);
      });
      return Readable.toWeb(opened);
    } catch {
      stream?.destroy();
    }
  }
  return undefined;
}`,
  },
  {
    name: 'a handle returned after setup that cannot throw',
    code: `
import fs from 'node:fs';
export function openLog(path: string) {
  const stream = fs.createWriteStream(path, { flags: 'a' });
  stream.on('error', (error) => console.error(error));
  return stream;
}`,
  },
  {
    name: 'a file piped into a response that destroys it when the client goes away',
    code: `
import fs from 'node:fs';
import http from 'node:http';
http
  .createServer((req, res) => {
    const stream = fs.createReadStream('index.html');
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  })
  .listen(0);`,
  },
  {
    name: 'a file streamed to a response through pipeline',
    code: `
import fs from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream';
http
  .createServer((req, res) => {
    const stream = fs.createReadStream('index.html');
    pipeline(stream, res, () => undefined);
  })
  .listen(0);`,
  },
  {
    name: 'a connection released by both continuations of the query',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ connectionLimit: 10 });
export function query(sql: string) {
  return pool.getConnection().then((connection) =>
    connection.query(sql).then(
      (result) => {
        connection.release();
        return result;
      },
      (error: unknown) => {
        connection.release();
        throw error;
      },
    ),
  );
}`,
  },
  {
    name: 'a connection from a Node-style callback released before the query result is looked at',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 });
export function find(id: number, done: (error: Error | null, rows?: unknown) => void) {
  pool.getConnection((err, connection) => {
    if (err) return done(err);
    connection.query('select * from users where id = ?', [id], (queryError, rows) => {
      connection.release();
      if (queryError) return done(queryError);
      done(null, rows);
    });
  });
}`,
  },
  {
    name: "a pg client released through pool.connect's done() before the result is looked at",
    code: `
import pg from 'pg';
const pool = new pg.Pool();
export function names(done: (error: Error | null, rows?: unknown[]) => void) {
  pool.connect((err, client, release) => {
    if (err) return done(err);
    client.query('select name from users', (queryError, result) => {
      release();
      if (queryError) return done(queryError);
      done(null, result.rows);
    });
  });
}`,
  },
  {
    name: "a descriptor from fs.open's callback closed whatever the read did",
    code: `
import fs from 'node:fs';
export function header(path: string, done: (error: Error | null, bytes?: Buffer) => void) {
  fs.open(path, 'r', (err, fd) => {
    if (err) return done(err);
    const buffer = Buffer.alloc(16);
    fs.read(fd, buffer, 0, 16, 0, (readError, bytes) => {
      fs.close(fd, () => done(readError, buffer.subarray(0, bytes)));
    });
  });
}`,
  },
  {
    name: 'a probe socket destroyed by its timeout callback',
    code: `
import net from 'node:net';
export function probe(host: string, port: number) {
  return new Promise<boolean>((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.setTimeout(2000, () => {
      socket.destroy();
      reject(new Error('timed out'));
    });
    socket.on('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', reject);
  });
}`,
  },
  {
    name: 'a socket handed to a class that owns its timeouts',
    code: `
import net from 'node:net';
export function connect(host: string, port: number, sockets: Set<net.Socket>) {
  const socket = net.connect(port, host);
  socket.setTimeout(2000, () => sockets.size);
  sockets.add(socket);
}`,
  },
  {
    name: 'a connection released in a finally continuation',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ connectionLimit: 10 });
export function query(sql: string) {
  return pool.getConnection().then((connection) => connection.query(sql).finally(() => connection.release()));
}`,
  },
  {
    name: 'two files closed in one finally, each close in its own try/catch that logs',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
export async function copy(from: string, to: string, logger: { warn(message: string): void }) {
  let source: FileHandle | undefined;
  let target: FileHandle | undefined;
  try {
    source = await open(from, 'r');
    target = await open(to, 'w');
    await target.writeFile(await source.readFile());
  } finally {
    try {
      if (source) await source.close();
    } catch {
      logger.warn('closing the source failed');
    }
    try {
      if (target) await target.close();
    } catch {
      logger.warn('closing the target failed');
    }
  }
}`,
  },
  {
    name: 'registering a plugin returns the application it was registered into, for chaining: the host, not a new handle',
    code: `
import type { FastifyPluginAsync } from 'fastify';
import type { HostApplication } from 'framework-host';
const health: FastifyPluginAsync = async (server) => {
  server.get('/health', async () => 'ok');
};
export async function setUpApp(app: HostApplication, cookies: FastifyPluginAsync) {
  await app.register(cookies);
  await app.register(health, { prefix: '/status' });
  const server = await app.use(health);
  server.log.info('plugins registered');
}`,
  },
];

/** A project's own disposable class with a method that returns a view of it (kysely's withSchema). */
const disposableDatabase = `class Database implements AsyncDisposable {
  withSchema(): Database { return new Database(); }
  async selectAll(): Promise<string[]> { return []; }
  async [Symbol.asyncDispose](): Promise<void> {}
}
`;

/** An ORM-style query runner: disposable, and released by its own release(). */
const queryRunnerClass = `class QueryRunner implements AsyncDisposable {
  async query(sql: string): Promise<unknown> { return sql; }
  async release(): Promise<void> {}
  async [Symbol.asyncDispose](): Promise<void> { await this.release(); }
}
export function createQueryRunner(): QueryRunner { return new QueryRunner(); }
`;

const sessionClass = `class Session {
  constructor(readonly client: Pool | PoolClient) {}
  run(sql: string) {
    return this.client.query(sql);
  }
}`;

typed.run('require-close (typed)', rule, {
  valid: [
    ...valid,
    {
      name: 'typed: a client kept in a session object, begun inside the try whose finally releases it when it was checked out',
      code: `
import { Pool, type PoolClient } from 'pg';
${sessionClass}
export async function transaction(source: Pool | PoolClient, work: (session: Session) => Promise<void>) {
  const isPool = source instanceof Pool;
  const session = isPool ? new Session(await source.connect()) : new Session(source);
  try {
    await session.run('begin');
    await work(session);
    await session.run('commit');
  } finally {
    if (isPool) (session.client as PoolClient).release();
  }
}`,
    },
    {
      name: "typed: a method returning the receiver's own disposable class is a view sharing its resources (kysely's withSchema), not a new handle",
      code: `
class Database implements AsyncDisposable {
  constructor(private readonly schema = 'public') {}
  withSchema(schema: string): Database { return new Database(schema); }
  async selectAll(table: string): Promise<string[]> { return [\`\${this.schema}.\${table}\`]; }
  async [Symbol.asyncDispose](): Promise<void> {}
}
export async function listUsers(db: Database) {
  const scoped = db.withSchema('app');
  return scoped.selectAll('users');
}`,
    },
    {
      name: 'typed: a method that hands back a stored handle is not a factory',
      code: `
import { open, type FileHandle } from 'node:fs/promises';
class Store {
  constructor(private readonly handle: FileHandle) {}
  current(): FileHandle { return this.handle; }
}
export async function peek(store: Store) {
  const fh = store.current();
  return fh.stat();
}
export async function make(path: string) { return new Store(await open(path)); }`,
    },
    {
      name: 'typed: a MongoDB cursor chain read to its end by toArray() (mongodb’s own Collection.indexExists)',
      code: `
import type { Collection } from 'mongodb';
export async function indexNames(collection: Collection) {
  const fromList = await collection.listIndexes().map(({ name }) => name).toArray();
  const recent = await collection.find({ active: true }).sort({ at: -1 }).limit(10).toArray();
  return [...fromList, ...recent.map(String)];
}`,
    },
    {
      name: 'typed: a MongoDB cursor closed after next(): a failed fetch cleans the cursor up itself (Collection.countDocuments)',
      code: `
import type { Collection } from 'mongodb';
export async function count(collection: Collection) {
  const cursor = collection.aggregate<{ n: number }>([{ $group: { _id: 1, n: { $sum: 1 } } }]);
  const doc = await cursor.next();
  await cursor.close();
  return doc?.n ?? 0;
}`,
    },
  ],
  invalid: [
    {
      name: 'typed: a client kept in a session object whose BEGIN runs before the try that releases it',
      code: `
import { Pool, type PoolClient } from 'pg';
${sessionClass}
export async function transaction(source: Pool | PoolClient, work: (session: Session) => Promise<void>) {
  const isPool = source instanceof Pool;
  const session = isPool ? new Session(await source.connect()) : new Session(source);
  await session.run('begin');
  try {
    await work(session);
    await session.run('commit');
  } finally {
    if (isPool) (session.client as PoolClient).release();
  }
}`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          line: 11,
          data: { resource: 'pg pool client', release: '.release()', thrower: "await session.run('begin')", line: '12' },
          suggestions: [
            {
              messageId: 'moveIntoTry',
              output: `
import { Pool, type PoolClient } from 'pg';
${sessionClass}
export async function transaction(source: Pool | PoolClient, work: (session: Session) => Promise<void>) {
  const isPool = source instanceof Pool;
  const session = isPool ? new Session(await source.connect()) : new Session(source);
  try {
    await session.run('begin');
    await work(session);
    await session.run('commit');
  } finally {
    if (isPool) (session.client as PoolClient).release();
  }
}`,
            },
          ],
        },
      ],
    },
    ...sharedInvalidCases.map((shared) => invalidCase(shared, 'typed')),
    {
      name: 'typed: a disposable created with new and never disposed is still reported next to its views',
      code: `
${disposableDatabase}export async function listUsers() {
  const db = new Database();
  return db.withSchema().selectAll();
}`,
      errors: [
        {
          messageId: 'neverReleased',
          line: 8,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
${disposableDatabase}export async function listUsers() {
  const db = new Database();
  try {
    return await db.withSchema().selectAll();
  } finally {
    await db[Symbol.asyncDispose]();
  }
}`,
            },
            {
              messageId: 'declareWithUsing',
              data: { keyword: 'await using' },
              output: `
${disposableDatabase}export async function listUsers() {
  await using db = new Database();
  return await db.withSchema().selectAll();
}`,
            },
          ],
        },
      ],
    },
    {
      name: "typed: a disposable type released by its own release() only on success is 'released only on success', not 'never released'",
      code: `
${queryRunnerClass}export async function countUsers() {
  const runner = createQueryRunner();
  const rows = await runner.query('select count(*) from users');
  await runner.release();
  return rows;
}`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          line: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
${queryRunnerClass}export async function countUsers() {
  const runner = createQueryRunner();
  try {
    const rows = await runner.query('select count(*) from users');
    return rows;
  } finally {
    await runner.release();
  }
}`,
            },
            {
              messageId: 'declareWithUsing',
              data: { keyword: 'await using' },
              output: `
${queryRunnerClass}export async function countUsers() {
  await using runner = createQueryRunner();
  const rows = await runner.query('select count(*) from users');
  return rows;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a MongoDB cursor read once and left open on the server',
      code: `
import type { Collection } from 'mongodb';
export async function firstActive(collection: Collection) {
  const cursor = collection.find({ active: true });
  const first = await cursor.next();
  return first;
}`,
      errors: [
        {
          messageId: 'neverReleased',
          line: 4,
          data: { resource: 'MongoDB cursor', release: '.close()' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import type { Collection } from 'mongodb';
export async function firstActive(collection: Collection) {
  const cursor = collection.find({ active: true });
  try {
    const first = await cursor.next();
    return first;
  } finally {
    await cursor.close();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a project factory that returns a fresh handle',
      code: `
import { open } from 'node:fs/promises';
async function openLog(path: string) {
  const fh = await open(path, 'a');
  return fh;
}
export async function append(path: string, line: string) {
  const log = await openLog(path);
  await log.write(line);
}`,
      errors: [
        {
          messageId: 'neverReleased',
          line: 8,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import { open } from 'node:fs/promises';
async function openLog(path: string) {
  const fh = await open(path, 'a');
  return fh;
}
export async function append(path: string, line: string) {
  const log = await openLog(path);
  try {
    await log.write(line);
  } finally {
    await log.close();
  }
}`,
            },
            {
              messageId: 'declareWithUsing',
              output: `
import { open } from 'node:fs/promises';
async function openLog(path: string) {
  const fh = await open(path, 'a');
  return fh;
}
export async function append(path: string, line: string) {
  await using log = await openLog(path);
  await log.write(line);
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a class of this project that implements Symbol.dispose',
      code: `
class Lock implements Disposable {
  [Symbol.dispose]() {}
}
export function critical(work: () => void) {
  const lock = new Lock();
  work();
  lock[Symbol.dispose]();
}`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
class Lock implements Disposable {
  [Symbol.dispose]() {}
}
export function critical(work: () => void) {
  const lock = new Lock();
  try {
    work();
  } finally {
    lock[Symbol.dispose]();
  }
}`,
            },
            {
              messageId: 'declareWithUsing',
              output: `
class Lock implements Disposable {
  [Symbol.dispose]() {}
}
export function critical(work: () => void) {
  using lock = new Lock();
  work();
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'typed: a mysql2 pool connection released only on success',
      code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: '127.0.0.1' });
export async function userCount() {
  const connection = await pool.getConnection();
  const [rows] = await connection.query('select count(*) as n from users');
  connection.release();
  return rows;
}`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          data: { resource: 'mysql2 pool connection', thrower: 'await connection.query()', line: '6', release: '.release()' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: '127.0.0.1' });
export async function userCount() {
  const connection = await pool.getConnection();
  try {
    const [rows] = await connection.query('select count(*) as n from users');
    return rows;
  } finally {
    connection.release();
  }
}`,
            },
            {
              // mysql2's promise PoolConnection implements [Symbol.asyncDispose] (it releases).
              messageId: 'declareWithUsing',
              output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: '127.0.0.1' });
export async function userCount() {
  await using connection = await pool.getConnection();
  const [rows] = await connection.query('select count(*) as n from users');
  return rows;
}`,
            },
          ],
        },
      ],
    },
  ],
});

untyped.run('require-close (untyped)', rule, {
  valid: [
    ...valid,
  ],
  invalid: [
    ...sharedInvalidCases.map((shared) => invalidCase(shared, 'untyped')),
    {
      name: "untyped: a function of the file that returns what it opens hands it to its caller, who must close it",
      code: `
import { open } from 'node:fs/promises';
async function openLog(path: string) { return open(path, 'a'); }
export async function append(path: string, line: string) {
  const log = await openLog(path);
  await log.write(line);
}`,
      errors: [
        {
          messageId: 'neverReleased' as const,
          line: 5,
          suggestions: [
            {
              messageId: 'wrapInTryFinally' as const,
              output: `
import { open } from 'node:fs/promises';
async function openLog(path: string) { return open(path, 'a'); }
export async function append(path: string, line: string) {
  const log = await openLog(path);
  try {
    await log.write(line);
  } finally {
    await log.close();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'untyped: closing a readline interface does not close its input stream',
      code: `
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
export async function firstLine(path: string) {
  const input = fs.createReadStream(path);
  const lines = readline.createInterface({ input });
  const [line] = await once(lines, 'line');
  lines.close();
  return line;
}`,
      errors: [
        {
          messageId: 'neverReleased',
          line: 6,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
export async function firstLine(path: string) {
  const input = fs.createReadStream(path);
  try {
    const lines = readline.createInterface({ input });
    const [line] = await once(lines, 'line');
    lines.close();
    return line;
  } finally {
    input.close();
  }
}`,
            },
          ],
        },
        {
          messageId: 'releasedOnlyOnSuccess',
          line: 7,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
export async function firstLine(path: string) {
  const input = fs.createReadStream(path);
  const lines = readline.createInterface({ input });
  try {
    const [line] = await once(lines, 'line');
    return line;
  } finally {
    lines.close();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'untyped: pg pool client from an annotated pool, released only on success',
      code: `
import type { Pool } from 'pg';
export async function rename(pool: Pool, id: number, name: string) {
  const client = await pool.connect();
  await client.query('update users set name = $1 where id = $2', [name, id]);
  client.release();
}`,
      errors: [
        {
          messageId: 'releasedOnlyOnSuccess',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `
import type { Pool } from 'pg';
export async function rename(pool: Pool, id: number, name: string) {
  const client = await pool.connect();
  try {
    await client.query('update users set name = $1 where id = $2', [name, id]);
  } finally {
    client.release();
  }
}`,
            },
          ],
        },
      ],
    },
  ],
});
