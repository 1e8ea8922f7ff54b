import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Handle lifetimes that do not depend on the shape of one file: a handle acquired into a parameter the
 * caller left empty, a pool reached through a destructured import or a same-file options interface, a
 * query runner of a package the project's types do not resolve, and a stream only piped into.
 * Every case runs in both modes: typed mode sees `any` for packages that are not installed and falls
 * back to what the imports say.
 */
const valid = [
  {
    name: 'a runner acquired into an empty parameter and released in finally under the flag that says it was',
    code: `
import type { DataSource, QueryRunner } from 'typeorm';
export async function save(dataSource: DataSource, row: object, runner?: QueryRunner): Promise<void> {
  const ownRunner = runner === undefined || runner.isReleased;
  if (runner === undefined || ownRunner) {
    runner = dataSource.createQueryRunner();
  }
  try {
    await runner.manager.insert('rows', row);
  } finally {
    if (ownRunner) await runner.release();
  }
}`,
  },
  {
    name: 'a client from a destructured pg import, released in finally',
    code: `
import pg from 'pg';
const { Pool } = pg;
let pool;
export function init(url) {
  pool = new Pool({ connectionString: url });
}
export async function count(table) {
  const client = await pool.connect();
  try {
    return (await client.query('select count(*) from ' + table)).rows[0];
  } finally {
    client.release();
  }
}`,
  },
  {
    name: 'a destination stream whose source destroys it on error',
    code: `
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
export function inflate(source: Readable) {
  const inflater = zlib.createInflate();
  source.on('error', (error) => inflater.destroy(error));
  return source.pipe(inflater);
}`,
  },
  {
    name: 'a destination stream joined to its source by pipeline()',
    code: `
import zlib from 'node:zlib';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
export function inflate(source: Readable, done: (error?: Error | null) => void) {
  const inflater = zlib.createInflate();
  return pipeline(source, inflater, done);
}`,
  },
  {
    name: "a script's step called only from main(): a throw skips the close once, and the process ends",
    code: `
import { open } from 'node:fs/promises';
async function countLines(path: string): Promise<number> {
  const file = await open(path, 'r');
  const text = await file.readFile('utf8');
  await file.close();
  return text.split('\\n').length;
}
async function main(): Promise<void> {
  try {
    console.log(await countLines(process.argv[2] ?? 'events.ndjson'));
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
void main();`,
  },
  {
    name: "a script's step whose work runs in a promise executor, called only from main()",
    code: `
import fs from 'node:fs';
function sizeOf(path: string): Promise<number> {
  return new Promise((resolve) => {
    const fd = fs.openSync(path, 'r');
    const size = fs.fstatSync(fd).size;
    fs.closeSync(fd);
    resolve(size);
  });
}
async function main(): Promise<void> {
  console.log(await sizeOf(process.argv[2] ?? 'events.bin'));
}
void main();`,
  },
];

const invalid = [
  {
    name: 'a query runner created only when the caller passed none, released under the same flag after throwing work',
    code: `
import type { DataSource, QueryRunner } from 'typeorm';
export async function save(dataSource: DataSource, row: object, runner?: QueryRunner): Promise<void> {
  const ownRunner = runner === undefined || runner.isReleased;
  if (runner === undefined || ownRunner) {
    runner = dataSource.createQueryRunner();
  }
  await runner.manager.insert('rows', row);
  if (ownRunner) await runner.release();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import type { DataSource, QueryRunner } from 'typeorm';
export async function save(dataSource: DataSource, row: object, runner?: QueryRunner): Promise<void> {
  const ownRunner = runner === undefined || runner.isReleased;
  if (runner === undefined || ownRunner) {
    runner = dataSource.createQueryRunner();
  }
  try {
    await runner.manager.insert('rows', row);
  } finally {
    if (ownRunner) await runner.release();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a TypeORM query runner of an injected data source, released after the schema change succeeds',
    code: `
import type { DataSource } from 'typeorm';
export class Schemas {
  constructor(private readonly dataSource: DataSource) {}
  async create(name: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.createSchema(name, true);
    await runner.release();
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import type { DataSource } from 'typeorm';
export class Schemas {
  constructor(private readonly dataSource: DataSource) {}
  async create(name: string): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.createSchema(name, true);
    } finally {
      await runner.release();
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a client from a destructured pg import, released only when the query succeeds',
    code: `
import pg from 'pg';
const { Pool } = pg;
let pool;
export function init(url) {
  pool = new Pool({ connectionString: url });
}
export async function count(table) {
  try {
    const client = await pool.connect();
    const result = await client.query('select count(*) from ' + table);
    client.release();
    return result.rows[0];
  } catch (error) {
    return error;
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
import pg from 'pg';
const { Pool } = pg;
let pool;
export function init(url) {
  pool = new Pool({ connectionString: url });
}
export async function count(table) {
  try {
    const client = await pool.connect();
    try {
      const result = await client.query('select count(*) from ' + table);
      return result.rows[0];
    } finally {
      client.release();
    }
  } catch (error) {
    return error;
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a pool reached through a same-file options interface, released after the commit that can throw',
    code: `
import type { Pool } from 'pg';
interface JobOptions {
  pool: Pool;
  sql: string;
}
export async function runJob(options: JobOptions): Promise<void> {
  const { pool, sql } = options;
  const client = await pool.connect();
  try {
    await client.query(sql);
  } finally {
    await client.query('commit');
    client.release();
  }
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'guardEarlierRelease' as const,
            output: `
import type { Pool } from 'pg';
interface JobOptions {
  pool: Pool;
  sql: string;
}
export async function runJob(options: JobOptions): Promise<void> {
  const { pool, sql } = options;
  const client = await pool.connect();
  try {
    await client.query(sql);
  } finally {
    try {
      await client.query('commit');
    } finally {
      client.release();
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a decompressing stream only piped into: a failing source leaves it open',
    code: `
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
export function inflate(source: Readable) {
  const inflater = zlib.createInflate();
  return source.pipe(inflater);
}`,
    errors: [
      {
        messageId: 'pipedFromUnwatchedSource' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'destroyOnSourceError' as const,
            output: `
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
export function inflate(source: Readable) {
  const inflater = zlib.createInflate();
  source.on('error', (error) => inflater.destroy(error));
  return source.pipe(inflater);
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'the same kind of step exported as well: its other callers may run it per request',
    code: `
import pg from 'pg';
const pool = new pg.Pool();
export async function countRows(table: string): Promise<number> {
  const client = await pool.connect();
  const { rows } = await client.query(\`SELECT count(*) AS n FROM \${table}\`);
  client.release();
  return Number(rows[0].n);
}
async function main(): Promise<void> {
  console.log(await countRows(process.argv[2] ?? 'events'));
  await pool.end();
}
void main();`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `
import pg from 'pg';
const pool = new pg.Pool();
export async function countRows(table: string): Promise<number> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query(\`SELECT count(*) AS n FROM \${table}\`);
    return Number(rows[0].n);
  } finally {
    client.release();
  }
}
async function main(): Promise<void> {
  console.log(await countRows(process.argv[2] ?? 'events'));
  await pool.end();
}
void main();` }],
      },
    ],
  },
  {
    name: "a worker's step called from a loop in main(): every turn can leave a connection checked out",
    code: `
import pg from 'pg';
const pool = new pg.Pool();
async function processBatch(): Promise<number> {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT id FROM jobs LIMIT 10');
  client.release();
  return rows.length;
}
async function main(): Promise<void> {
  for (;;) {
    if ((await processBatch()) === 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
void main();`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [{ messageId: 'wrapInTryFinally' as const, output: `
import pg from 'pg';
const pool = new pg.Pool();
async function processBatch(): Promise<number> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('SELECT id FROM jobs LIMIT 10');
    return rows.length;
  } finally {
    client.release();
  }
}
async function main(): Promise<void> {
  for (;;) {
    if ((await processBatch()) === 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
void main();` }],
      },
    ],
  },
];

typedRuleTester().run('require-close (handle lifetimes, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (handle lifetimes, untyped)', rule, { valid, invalid });
