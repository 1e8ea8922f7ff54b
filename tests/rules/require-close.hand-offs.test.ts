import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Handles a helper of the file acquires and hands over: returned inside an object the caller
 * destructures (with a closure that releases it), or handed to a helper to be released. Whoever holds
 * the handle after each hand-off must release it on every path, and the one that had it before must
 * not lose it on the way.
 */
const valid = [
  {
    name: 'a helper returns an object whose close the caller calls in finally',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, close: () => conn.release() };
}
export async function find(id: string) {
  const { conn, close } = await openDb();
  try {
    return await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  } finally {
    close();
  }
}`,
  },
  {
    name: 'a helper returns an object carrying a long-lived pool that nobody closes',
    code: `
import mysql from 'mysql2/promise';
async function openPool() {
  const shared = mysql.createPool({ host: 'db' });
  return { shared };
}
export async function count() {
  const { shared } = await openPool();
  return shared.query('SELECT COUNT(*) FROM t');
}`,
  },
  {
    name: 'the caller stores the handed-over connection in a long-lived slot',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, close: () => conn.release() };
}
let active: mysql.PoolConnection | undefined;
export async function keep() {
  const { conn } = await openDb();
  active = conn;
  await active.query('SELECT 1');
}`,
  },
  {
    name: 'the caller passes the releasing closure on to the response',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, close: () => conn.release() };
}
export async function stream(res: { on(event: string, listener: () => void): void }) {
  const { conn, close } = await openDb();
  res.on('finish', close);
  await conn.query('SELECT 1');
}`,
  },
  {
    name: 'a helper that sets the connection up releases it when that fails',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET NAMES utf8');
  } catch (error) {
    conn.release();
    throw error;
  }
  return { conn, done: () => conn.release() };
}
export async function find() {
  const { conn, done } = await openDb();
  try {
    await conn.query('SELECT 1');
  } finally {
    done();
  }
}`,
  },
  {
    name: 'a helper handed the connection releases it in its own finally',
    code: `
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function finish(client: PoolClient) {
  try {
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
export async function commit() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release();
    throw error;
  }
  await finish(client);
}`,
  },
  {
    name: 'a MongoDB client from a helper, closed by the caller in finally',
    code: `
import { MongoClient } from 'mongodb';
async function connect(url: string) {
  const client = new MongoClient(url);
  await client.connect();
  return { client, db: client.db('app') };
}
export async function countUsers(url: string) {
  const { client, db } = await connect(url);
  try {
    return await db.collection('users').countDocuments();
  } finally {
    await client.close();
  }
}`,
  },
  {
    name: 'a handle returned at once inside the closure that releases it: nothing can throw before the hand-off',
    code: `
import fs from 'node:fs/promises';
export async function lock(path: string) {
  const handle = await fs.open(path, 'wx');
  return { path, release: async () => { await handle.close(); } };
}`,
  },
  {
    name: 'the work before returning the releasing closure closes the handle when it fails',
    code: `
import fs from 'node:fs/promises';
export async function lock(path: string) {
  const handle = await fs.open(path, 'wx');
  try {
    await handle.writeFile(String(process.pid));
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { path, release: async () => { await handle.close(); } };
}`,
  },
];

const invalid = [
  {
    name: 'a helper returns a pool connection with its release closure; the caller releases it only on success',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, done: () => conn.release() };
}
export async function find(id: string) {
  const { conn, done } = await openDb();
  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  done();
  return rows;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, done: () => conn.release() };
}
export async function find(id: string) {
  const { conn, done } = await openDb();
  try {
    const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
    return rows;
  } finally {
    done();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a helper sets the connection up before returning it: a failing setup query leaves it checked out',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function getConn() {
  const conn = await pool.getConnection();
  await conn.query('SET NAMES utf8');
  return conn;
}
export async function find(id: string) {
  const conn = await getConn();
  try {
    return await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  } finally {
    conn.release();
  }
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function getConn() {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET NAMES utf8');
    return conn;
  } catch (error) {
    conn.release();
    throw error;
  }
}
export async function find(id: string) {
  const conn = await getConn();
  try {
    return await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  } finally {
    conn.release();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a class helper returns the connection and its release; the method releases it only on success',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export class Repository {
  private async open() {
    const client = await pool.connect();
    return { client, release: () => client.release() };
  }
  async find(id: string) {
    const { client, release } = await this.open();
    const result = await client.query('SELECT * FROM t WHERE id = $1', [id]);
    release();
    return result.rows;
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 10,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { Pool } from 'pg';
const pool = new Pool();
export class Repository {
  private async open() {
    const client = await pool.connect();
    return { client, release: () => client.release() };
  }
  async find(id: string) {
    const { client, release } = await this.open();
    try {
      const result = await client.query('SELECT * FROM t WHERE id = $1', [id]);
      return result.rows;
    } finally {
      release();
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a MongoDB client from a helper, closed by the caller only on success',
    code: `
import { MongoClient } from 'mongodb';
async function connect(url: string) {
  const client = new MongoClient(url);
  await client.connect();
  return { client, db: client.db('app') };
}
export async function countUsers(url: string) {
  const { client, db } = await connect(url);
  const count = await db.collection('users').countDocuments();
  await client.close();
  return count;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { MongoClient } from 'mongodb';
async function connect(url: string) {
  const client = new MongoClient(url);
  await client.connect();
  return { client, db: client.db('app') };
}
export async function countUsers(url: string) {
  const { client, db } = await connect(url);
  try {
    const count = await db.collection('users').countDocuments();
    return count;
  } finally {
    await client.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a helper handed the connection to release releases it only when its commit succeeds',
    code: `
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function finish(client: PoolClient) {
  await client.query('COMMIT');
  client.release();
}
export async function commit() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release();
    throw error;
  }
  await finish(client);
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function finish(client: PoolClient) {
  try {
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}
export async function commit() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release();
    throw error;
  }
  await finish(client);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a file handle returned after an awaited write: a failing write leaves it open and nobody holds it',
    code: `
import { open } from 'node:fs/promises';
export async function openLog(path: string) {
  const fh = await open(path, 'a');
  await fh.write('opened\\n');
  return fh;
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import { open } from 'node:fs/promises';
export async function openLog(path: string) {
  const fh = await open(path, 'a');
  try {
    await fh.write('opened\\n');
    return fh;
  } catch (error) {
    await fh.close();
    throw error;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a helper of the file that closes what it is given, only after a read that can fail',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
async function finish(handle: FileHandle): Promise<string> {
  const text = await handle.readFile('utf8');
  await handle.close();
  return text;
}
export async function load(path: string): Promise<string> {
  const fh = await open(path);
  return finish(fh);
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 3,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { open, type FileHandle } from 'node:fs/promises';
async function finish(handle: FileHandle): Promise<string> {
  try {
    const text = await handle.readFile('utf8');
    return text;
  } finally {
    await handle.close();
  }
}
export async function load(path: string): Promise<string> {
  const fh = await open(path);
  return finish(fh);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a helper sets the connection up before returning it with a release closure it names',
    code: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  const done = () => conn.release();
  await conn.query('SET NAMES utf8');
  return { conn, done };
}
export async function find() {
  const { conn, done } = await openDb();
  try {
    await conn.query('SELECT 1');
  } finally {
    done();
  }
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  try {
    const done = () => conn.release();
    await conn.query('SET NAMES utf8');
    return { conn, done };
  } catch (error) {
    conn.release();
    throw error;
  }
}
export async function find() {
  const { conn, done } = await openDb();
  try {
    await conn.query('SELECT 1');
  } finally {
    done();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a lock file handle handed back only inside a releasing closure, after a write that can fail',
    code: `
import fs from 'node:fs/promises';
export async function lock(path: string) {
  const handle = await fs.open(path, 'wx');
  await handle.writeFile(String(process.pid));
  return {
    path,
    release: async () => {
      await handle.close();
    },
  };
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import fs from 'node:fs/promises';
export async function lock(path: string) {
  const handle = await fs.open(path, 'wx');
  try {
    await handle.writeFile(String(process.pid));
    return {
      path,
      release: async () => {
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (hand-offs between helpers, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (hand-offs between helpers, untyped)', rule, { valid, invalid });
