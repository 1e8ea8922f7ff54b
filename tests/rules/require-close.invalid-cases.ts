/**
 * Invalid cases both modes must report. `tryFinally` is the suggestion's output; `using` is the
 * typed mode's extra `await using`/`using` suggestion, offered only when the type is Disposable.
 */
export interface SharedError {
  readonly messageId: 'neverReleased' | 'releasedOnlyOnSuccess' | 'notReleasedOnEveryPath' | 'handedOverOnlyOnSuccess' | 'pipedIntoPeer' | 'timeoutWithoutRelease';
  readonly line?: number;
  readonly data?: Record<string, string>;
  readonly tryFinally?: string;
  readonly using?: string;
  /** The output of the `res.on('close', …)` suggestion for a stream piped into a peer. */
  readonly destroyOnPeerClose?: string;
  /** Any other suggestion (`releaseOnError`, `releaseInChainFinally` …) and its output. */
  readonly suggestion?: { readonly messageId: 'releaseOnError' | 'releaseInChainFinally' | 'moveIntoTry' | 'guardEarlierRelease' | 'releaseBeforeReturn'; readonly output: string };
}

export interface SharedInvalidCase extends SharedError {
  readonly name: string;
  readonly code: string;
  readonly options?: { unknownCallsTakeOwnership?: boolean };
  /** More reports after the first (described by the case's own fields). */
  readonly more?: readonly SharedError[];
}

export const sharedInvalidCases: SharedInvalidCase[] = [
  {
    name: 'a write stream ended only if serialising succeeds (writes themselves do not throw)',
    code: `
import fs from 'node:fs';
export function dump(path: string, data: unknown) {
  const out = fs.createWriteStream(path);
  out.write('-- dump\\n');
  out.write(JSON.stringify(data));
  out.end();
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file stream', release: '.close()', thrower: 'JSON.stringify(data)', line: '6' },
    tryFinally: `
import fs from 'node:fs';
export function dump(path: string, data: unknown) {
  const out = fs.createWriteStream(path);
  try {
    out.write('-- dump\\n');
    out.write(JSON.stringify(data));
  } finally {
    out.end();
  }
}`,
  },
  {
    name: 'a file handle closed only when JSON.parse succeeds',
    code: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  const fh = await open(path, 'r');
  const config = JSON.parse(await fh.readFile('utf8'));
  await fh.close();
  return config;
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 4,
    data: { resource: 'file handle', release: '.close()', thrower: "await fh.readFile('utf8')", line: '5' },
    tryFinally: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  const fh = await open(path, 'r');
  try {
    const config = JSON.parse(await fh.readFile('utf8'));
    return config;
  } finally {
    await fh.close();
  }
}`,
    using: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  await using fh = await open(path, 'r');
  const config = JSON.parse(await fh.readFile('utf8'));
  return config;
}`,
  },
  {
    name: 'an early return skips closeSync',
    code: `
import * as fs from 'node:fs';
export function lastLine(path: string): string {
  const fd = fs.openSync(path, 'r');
  const { size } = fs.fstatSync(fd);
  if (size === 0) return '';
  const buffer = Buffer.alloc(Math.min(size, 4096));
  fs.readSync(fd, buffer, 0, buffer.length, Math.max(0, size - buffer.length));
  fs.closeSync(fd);
  return buffer.toString('utf8').trimEnd().split('\\n').pop() ?? '';
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '6' },
    tryFinally: `
import * as fs from 'node:fs';
export function lastLine(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    if (size === 0) return '';
    const buffer = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, buffer, 0, buffer.length, Math.max(0, size - buffer.length));
    return buffer.toString('utf8').trimEnd().split('\\n').pop() ?? '';
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'a descriptor never closed, with a named import of closeSync available',
    code: `
import { openSync, readSync, closeSync } from 'node:fs';
export function magic(path: string) {
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(4);
  readSync(fd, header, 0, 4, 0);
  return header.toString('hex');
}
export function unused() { closeSync(0); }`,
    messageId: 'neverReleased',
    tryFinally: `
import { openSync, readSync, closeSync } from 'node:fs';
export function magic(path: string) {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(4);
    readSync(fd, header, 0, 4, 0);
    return header.toString('hex');
  } finally {
    closeSync(fd);
  }
}
export function unused() { closeSync(0); }`,
  },
  {
    name: 'a stream that nobody keeps',
    code: `
import fs from 'node:fs';
export function startLog(path: string) {
  fs.createWriteStream(path, { flags: 'a' });
}`,
    messageId: 'neverReleased',
  },
  {
    name: 'the second release in a finally is skipped when the first throws',
    code: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    const header = Buffer.alloc(64);
    fs.readSync(input, header);
    fs.writeSync(output, header);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}`,
    // Opening the target can fail with the source already open: that leaks too.
    messageId: 'releasedOnlyOnSuccess',
    line: 4,
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: "fs.openSync(target, 'w')", line: '5' },
    tryFinally: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  try {
    const output = fs.openSync(target, 'w');
    try {
      const header = Buffer.alloc(64);
      fs.readSync(input, header);
      fs.writeSync(output, header);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
}`,
    more: [{
    messageId: 'releasedOnlyOnSuccess',
    line: 5,
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'fs.closeSync(input)', line: '11' },
    suggestion: {
      messageId: 'guardEarlierRelease',
      output: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    const header = Buffer.alloc(64);
    fs.readSync(input, header);
    fs.writeSync(output, header);
  } finally {
    try {
      fs.closeSync(input);
    } finally {
      fs.closeSync(output);
    }
  }
}`,
    },
    }],
  },
  {
    name: 'a catch that rethrows without closing',
    code: `
import fs from 'node:fs';
export function readAll(path: string, log: (error: unknown) => void) {
  const fd = fs.openSync(path, 'r');
  let text: string;
  try {
    text = fs.readFileSync(fd, 'utf8');
  } catch (error) {
    log(error);
    throw error;
  }
  fs.closeSync(fd);
  return text;
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'log(error)', line: '9' },
    tryFinally: `
import fs from 'node:fs';
export function readAll(path: string, log: (error: unknown) => void) {
  const fd = fs.openSync(path, 'r');
  try {
    let text: string;
    try {
      text = fs.readFileSync(fd, 'utf8');
    } catch (error) {
      log(error);
      throw error;
    }
    return text;
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'an alias is released, but only after a call that can throw',
    code: `
import fs from 'node:fs';
export function probe(path: string, check: (fd: number) => void) {
  const fd = fs.openSync(path, 'r');
  const descriptor = fd;
  check(descriptor);
  fs.closeSync(descriptor);
}`,
    options: { unknownCallsTakeOwnership: false },
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'check(descriptor)', line: '6' },
    tryFinally: `
import fs from 'node:fs';
export function probe(path: string, check: (fd: number) => void) {
  const fd = fs.openSync(path, 'r');
  try {
    const descriptor = fd;
    check(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}`,
  },
  {
    name: 'a generator that yields while holding a descriptor',
    code: `
import fs from 'node:fs';
export function* chunks(path: string) {
  const fd = fs.openSync(path, 'r');
  const buffer = Buffer.alloc(1024);
  let read = 0;
  while ((read = fs.readSync(fd, buffer)) > 0) yield buffer.subarray(0, read);
  fs.closeSync(fd);
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'fs.readSync(fd, buffer)', line: '7' },
    tryFinally: `
import fs from 'node:fs';
export function* chunks(path: string) {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    let read = 0;
    while ((read = fs.readSync(fd, buffer)) > 0) yield buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'a continue skips the release in a loop',
    code: `
import fs from 'node:fs';
export function sizes(paths: string[]) {
  const result: number[] = [];
  for (const path of paths) {
    const fd = fs.openSync(path, 'r');
    const { size } = fs.fstatSync(fd);
    if (size === 0) continue;
    result.push(size);
    fs.closeSync(fd);
  }
  return result;
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '8' },

    tryFinally: `
import fs from 'node:fs';
export function sizes(paths: string[]) {
  const result: number[] = [];
  for (const path of paths) {
    const fd = fs.openSync(path, 'r');
    try {
      const { size } = fs.fstatSync(fd);
      if (size === 0) continue;
      result.push(size);
    } finally {
      fs.closeSync(fd);
    }
  }
  return result;
}`,
  },
  {
    name: 'with unknownCallsTakeOwnership: false, passing a handle on does not release it',
    code: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  const fh = await open(path);
  await inspect(fh);
}`,
    options: { unknownCallsTakeOwnership: false },
    messageId: 'neverReleased',
    tryFinally: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  const fh = await open(path);
  try {
    await inspect(fh);
  } finally {
    await fh.close();
  }
}`,
    using: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  await using fh = await open(path);
  await inspect(fh);
}`,
  },
  {
    name: 'a switch case returns before the release',
    code: `
import fs from 'node:fs';
export function kind(path: string, mode: 'head' | 'size') {
  const fd = fs.openSync(path, 'r');
  switch (mode) {
    case 'size':
      return fs.fstatSync(fd).size;
    default:
      break;
  }
  fs.closeSync(fd);
  return 0;
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '7' },
    tryFinally: `
import fs from 'node:fs';
export function kind(path: string, mode: 'head' | 'size') {
  const fd = fs.openSync(path, 'r');
  try {
    switch (mode) {
      case 'size':
        return fs.fstatSync(fd).size;
      default:
        break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return 0;
}`,
  },
  {
    name: 'a pool client lent to a callback in a context object, released after a COMMIT that can throw (graphile/crystal#978)',
    code: `
import type { Pool, PoolClient } from 'pg';
export async function withClient<T>(pool: Pool, callback: (context: { client: PoolClient }) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await callback({ client });
  } finally {
    await client.query('commit');
    client.release();
  }
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 4,
    suggestion: {
      messageId: 'guardEarlierRelease',
      output: `
import type { Pool, PoolClient } from 'pg';
export async function withClient<T>(pool: Pool, callback: (context: { client: PoolClient }) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await callback({ client });
  } finally {
    try {
      await client.query('commit');
    } finally {
      client.release();
    }
  }
}`,
    },
  },
  {
    name: 'an inline readline input left open by a break out of the loop (DesktopCommanderMCP#631)',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function head(path: string, count: number) {
  const rl = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  const lines: string[] = [];
  for await (const line of rl) {
    lines.push(line);
    if (lines.length >= count) break;
  }
  rl.close();
  return lines;
}`,
    messageId: 'notReleasedOnEveryPath',
    line: 5,
    data: { resource: 'file stream', release: '.close()', line: '9' },
  },
  {
    name: 'a stream lent to readline whose loop returns early is never destroyed',
    code: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function findLine(path: string, needle: string) {
  const input = fs.createReadStream(path);
  const rl = readline.createInterface({ input });
  for await (const line of rl) {
    if (line.includes(needle)) return line;
  }
  return undefined;
}`,
    messageId: 'neverReleased',
    line: 5,
    tryFinally: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function findLine(path: string, needle: string) {
  const input = fs.createReadStream(path);
  try {
    const rl = readline.createInterface({ input });
    for await (const line of rl) {
      if (line.includes(needle)) return line;
    }
  } finally {
    input.close();
  }
  return undefined;
}`,
    using: `
import fs from 'node:fs';
import readline from 'node:readline';
export async function findLine(path: string, needle: string) {
  await using input = fs.createReadStream(path);
  const rl = readline.createInterface({ input });
  for await (const line of rl) {
    if (line.includes(needle)) return line;
  }
  return undefined;
}`,
  },
  {
    name: 'a pool assigned by set-up code after its declaration still lends clients (GEOLYTIX/xyz#2724)',
    code: `
import { Pool } from 'pg';
let pool;
export function init(url: string) {
  pool = new Pool({ connectionString: url });
}
export async function acl(q: string) {
  try {
    const client = await pool.connect();
    const { rows } = await client.query(q);
    client.release();
    return rows;
  } catch (err) {
    return err;
  }
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 9,
    tryFinally: `
import { Pool } from 'pg';
let pool;
export function init(url: string) {
  pool = new Pool({ connectionString: url });
}
export async function acl(q: string) {
  try {
    const client = await pool.connect();
    try {
      const { rows } = await client.query(q);
      return rows;
    } finally {
      client.release();
    }
  } catch (err) {
    return err;
  }
}`,
  },
  {
    name: 'a connection from the promise() view of a mysql2 pool (node-mysql2#1110)',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 }).promise();
export async function activeUsers() {
  const connection = await pool.getConnection();
  const [rows] = await connection.query('select * from users where is_active = ?', ['Y']);
  connection.release();
  return rows;
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 5,
    tryFinally: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 }).promise();
export async function activeUsers() {
  const connection = await pool.getConnection();
  try {
    const [rows] = await connection.query('select * from users where is_active = ?', ['Y']);
    return rows;
  } finally {
    connection.release();
  }
}`,
    using: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 }).promise();
export async function activeUsers() {
  await using connection = await pool.getConnection();
  const [rows] = await connection.query('select * from users where is_active = ?', ['Y']);
  return rows;
}`,
  },
  {
    name: 'a pool client from a pool destructured out of an annotated options object',
    code: `
import type { Pool } from 'pg';
export async function count(options: { pgPool: Pool; table: string }) {
  const { pgPool, table } = options;
  const client = await pgPool.connect();
  const { rows } = await client.query('select count(*) from ' + table);
  client.release();
  return rows;
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 5,
    tryFinally: `
import type { Pool } from 'pg';
export async function count(options: { pgPool: Pool; table: string }) {
  const { pgPool, table } = options;
  const client = await pgPool.connect();
  try {
    const { rows } = await client.query('select count(*) from ' + table);
    return rows;
  } finally {
    client.release();
  }
}`,
  },
  {
    name: 'a writer handed to a download only after the request that can fail',
    code: `
import fs from 'node:fs';
import { request } from 'undici';
export async function download(url: string, dest: string) {
  const writer = fs.createWriteStream(dest);
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) throw new Error('status ' + statusCode);
  body.pipe(writer);
  return writer;
}`,
    messageId: 'handedOverOnlyOnSuccess',
    line: 5,
    data: { resource: 'file stream', release: '.close()', thrower: 'await request(url)', line: '6', handOff: 'body.pipe(writer)', handOffLine: '8' },
    suggestion: {
      messageId: 'releaseOnError',
      output: `
import fs from 'node:fs';
import { request } from 'undici';
export async function download(url: string, dest: string) {
  const writer = fs.createWriteStream(dest);
  try {
    const { statusCode, body } = await request(url);
    if (statusCode !== 200) throw new Error('status ' + statusCode);
    body.pipe(writer);
  } catch (error) {
    writer.destroy();
    throw error;
  }
  return writer;
}`,
    },
  },
  {
    name: 'a stream returned wrapped after an awaited open that a catch swallows',
    code: `
import fs from 'node:fs';
import { Readable } from 'node:stream';
export async function firstReadable(paths: string[]) {
  for (const path of paths) {
    try {
      const stream = fs.createReadStream(path);
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      return Readable.toWeb(stream);
    } catch {
      // the next path
    }
  }
  return undefined;
}`,
    messageId: 'handedOverOnlyOnSuccess',
    line: 7,
    suggestion: {
      messageId: 'releaseOnError',
      output: `
import fs from 'node:fs';
import { Readable } from 'node:stream';
export async function firstReadable(paths: string[]) {
  for (const path of paths) {
    try {
      const stream = fs.createReadStream(path);
      try {
        await new Promise<void>((resolve, reject) => {
          stream.once('open', () => resolve());
          stream.once('error', reject);
        });
      } catch (error) {
        stream.destroy();
        throw error;
      }
      return Readable.toWeb(stream);
    } catch {
      // the next path
    }
  }
  return undefined;
}`,
    },
  },
  {
    name: 'a file piped into the response of a request handler',
    code: `
import fs from 'node:fs';
import http from 'node:http';
http
  .createServer((req, res) => {
    const stream = fs.createReadStream('index.html');
    stream.on('error', () => res.end());
    stream.pipe(res);
  })
  .listen(0);`,
    messageId: 'pipedIntoPeer',
    line: 6,
    data: { resource: 'file stream', release: '.close()', peer: 'res' },
    destroyOnPeerClose: `
import fs from 'node:fs';
import http from 'node:http';
http
  .createServer((req, res) => {
    const stream = fs.createReadStream('index.html');
    stream.on('error', () => res.end());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  })
  .listen(0);`,
  },
  {
    name: 'a file piped into a response parameter: .pipe() does not destroy it when the client goes away',
    code: `
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(path: string, res: ServerResponse) {
  const stream = fs.createReadStream(path);
  stream.pipe(res);
}`,
    messageId: 'pipedIntoPeer',
    line: 5,
    destroyOnPeerClose: `
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
export function serve(path: string, res: ServerResponse) {
  const stream = fs.createReadStream(path);
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}`,
  },
  {
    name: 'a pool connection from a Node-style callback, released only when the query succeeds',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 });
export function find(id: number, done: (error: Error | null, rows?: unknown) => void) {
  pool.getConnection((err, connection) => {
    if (err) return done(err);
    connection.query('select * from users where id = ?', [id], (queryError, rows) => {
      if (queryError) return done(queryError);
      connection.release();
      done(null, rows);
    });
  });
}`,
    messageId: 'notReleasedOnEveryPath',
    line: 5,
    data: { resource: 'mysql2 pool connection', release: '.release()', line: '8' },
    suggestion: {
      messageId: 'releaseBeforeReturn',
      output: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 10 });
export function find(id: number, done: (error: Error | null, rows?: unknown) => void) {
  pool.getConnection((err, connection) => {
    if (err) return done(err);
    connection.query('select * from users where id = ?', [id], (queryError, rows) => {
      if (queryError) { connection.release(); return done(queryError); }
      connection.release();
      done(null, rows);
    });
  });
}`,
    },
  },
  {
    name: "a pg client from pool.connect's callback, whose done() runs only when the query succeeds",
    code: `
import pg from 'pg';
const pool = new pg.Pool();
export function names(done: (error: Error | null, rows?: unknown[]) => void) {
  pool.connect((err, client, release) => {
    if (err) return done(err);
    client.query('select name from users', (queryError, result) => {
      if (queryError) return done(queryError);
      release();
      done(null, result.rows);
    });
  });
}`,
    messageId: 'notReleasedOnEveryPath',
    line: 5,
    data: { resource: 'pg pool client', release: '.release()', line: '8' },
    suggestion: {
      messageId: 'releaseBeforeReturn',
      output: `
import pg from 'pg';
const pool = new pg.Pool();
export function names(done: (error: Error | null, rows?: unknown[]) => void) {
  pool.connect((err, client, release) => {
    if (err) return done(err);
    client.query('select name from users', (queryError, result) => {
      if (queryError) { release(); return done(queryError); }
      release();
      done(null, result.rows);
    });
  });
}`,
    },
  },
  {
    name: "a descriptor from fs.open's callback, closed only when the read succeeds",
    code: `
import fs from 'node:fs';
export function header(path: string, done: (error: Error | null, bytes?: Buffer) => void) {
  fs.open(path, 'r', (err, fd) => {
    if (err) return done(err);
    const buffer = Buffer.alloc(16);
    fs.read(fd, buffer, 0, 16, 0, (readError, bytes) => {
      if (readError) return done(readError);
      fs.close(fd, () => done(null, buffer.subarray(0, bytes)));
    });
  });
}`,
    messageId: 'notReleasedOnEveryPath',
    line: 4,
  },
  {
    name: "a probe socket whose 'timeout' listener rejects without destroying it",
    code: `
import net from 'node:net';
export function probe(host: string, port: number) {
  return new Promise<boolean>((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.setTimeout(2000);
    socket.on('timeout', () => reject(new Error('timed out')));
    socket.on('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', reject);
  });
}`,
    messageId: 'timeoutWithoutRelease',
    line: 5,
    data: { resource: 'socket', release: '.destroy()', line: '7' },
  },
  {
    name: 'a pool connection acquired in a then callback and released only when the query succeeds',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ connectionLimit: 10 });
export function query(sql: string) {
  return pool.getConnection().then((connection) =>
    connection.query(sql).then((result) => {
      connection.release();
      return result;
    }),
  );
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 5,
    data: { resource: 'mysql2 pool connection', release: '.release()', thrower: 'connection.query(sql)', line: '6' },
    suggestion: {
      messageId: 'releaseInChainFinally',
      output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ connectionLimit: 10 });
export function query(sql: string) {
  return pool.getConnection().then((connection) =>
    connection.query(sql).then((result) => {
      return result;
    }).finally(() => connection.release()),
  );
}`,
    },
  },
];
