import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * What the untyped mode reads from the source where typed mode reads the checker: a written cast
 * (`(this.client as Pool).connect()` on a `Pool | PoolClient` field) names the receiver, and the
 * MongoDB accessors (`client.db()`, `db.collection()`) lead from a `new MongoClient()` it can see to
 * the cursor `find()` opens. Both modes must agree on every case.
 */
const valid = [
  {
    name: 'a cast to the checked-out client is no pool: its query() acquires nothing',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Database {
  constructor(private readonly client: Pool | PoolClient) {}
  async now(): Promise<unknown> {
    const result = await (this.client as PoolClient).query('select now()');
    return result.rows[0];
  }
}`,
  },
  {
    name: 'a client checked out through a cast and released in finally',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Database {
  constructor(private readonly client: Pool | PoolClient) {}
  async now(): Promise<unknown> {
    const client = await (this.client as Pool).connect();
    try {
      const result = await client.query('select now()');
      return result.rows[0];
    } finally {
      client.release();
    }
  }
}`,
  },
  {
    name: 'a MongoDB cursor of a client this module made, read to its end by toArray()',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
const db = client.db('app');
export async function active(name: string) {
  return db.collection(name).find({ active: true }).sort({ at: -1 }).toArray();
}`,
  },
  {
    name: 'findOne() opens no cursor',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export async function user(id: string) {
  const users = client.db('app').collection('users');
  const found = await users.findOne({ id });
  return found;
}`,
  },
  {
    name: "find() on a receiver that is not MongoDB's collection is an array search",
    code: `
const db = { collection: (name: string) => [{ name, active: true }] };
export function firstActive(name: string) {
  const rows = db.collection(name);
  const row = rows.find((candidate) => candidate.active);
  return row;
}`,
  },
];

const invalid = [
  {
    name: 'a pool client checked out through a cast, released after statements that can throw (drizzle)',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Database {
  constructor(private readonly client: Pool | PoolClient) {}
  async migrate(statements: string[]): Promise<void> {
    const client = await (this.client as Pool).connect();
    for (const statement of statements) await client.query(statement);
    client.release();
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
import { Pool, type PoolClient } from 'pg';
export class Database {
  constructor(private readonly client: Pool | PoolClient) {}
  async migrate(statements: string[]): Promise<void> {
    const client = await (this.client as Pool).connect();
    try {
      for (const statement of statements) await client.query(statement);
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
    name: 'a MongoDB cursor of a module client read once and never closed (sharedb-mongo)',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
const db = client.db('app');
export async function countActive(name: string) {
  const cursor = db.collection(name).find({ active: true });
  const first = await cursor.next();
  return first;
}`,
    errors: [
      {
        messageId: 'neverReleased' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
const db = client.db('app');
export async function countActive(name: string) {
  const cursor = db.collection(name).find({ active: true });
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
];

typedRuleTester().run('require-close (written casts, MongoDB accessors, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (written casts, MongoDB accessors, untyped)', rule, { valid, invalid });
