import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A MongoDB session holds a server session from the driver's pool until `endSession()`.
 * `withTransaction()` runs a transaction on it and leaves it open. mongodb is installed with its
 * types; mongoose is not, so both runs read it by its imports and annotations (a model's `db` is its
 * connection).
 */
const valid = [
  {
    name: 'a session ended in finally around its transaction',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export async function insert(doc: { id: string }): Promise<void> {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await client.db('app').collection('users').insertOne(doc, { session });
    });
  } finally {
    await session.endSession();
  }
}`,
  },
  {
    name: 'withSession() ends the session it hands to the callback',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export async function insert(doc: { id: string }): Promise<void> {
  await client.withSession(async (session) => {
    await client.db('app').collection('users').insertOne(doc, { session });
  });
}`,
  },
  {
    name: "a Mongoose session ended in finally",
    code: `
import mongoose from 'mongoose';
export async function run<T>(work: (session: unknown) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  try {
    return await session.withTransaction(() => work(session));
  } finally {
    await session.endSession();
  }
}`,
  },
  {
    name: "a session handed to the caller is the caller's to end",
    code: `
import { MongoClient, type ClientSession } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export function begin(): ClientSession {
  const session = client.startSession();
  session.startTransaction();
  return session;
}`,
  },
];

const invalid = [
  {
    name: "a model connection's session used inline for one transaction and never ended (novu)",
    code: `
import type { Model } from 'mongoose';
export class Repository<T> {
  constructor(private readonly model: Model<T>) {}
  async withTransaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    return await (await this.model.db.startSession()).withTransaction(fn);
  }
}`,
    errors: [
      {
        messageId: 'neverReleased' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import type { Model } from 'mongoose';
export class Repository<T> {
  constructor(private readonly model: Model<T>) {}
  async withTransaction<R>(fn: (session: unknown) => Promise<R>): Promise<R> {
    const session = await this.model.db.startSession();
    try {
      return await session.withTransaction(fn);
    } finally {
      await session.endSession();
    }
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a session ended only after the transaction commits',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export async function insert(doc: { id: string }): Promise<void> {
  const session = client.startSession();
  await client.db('app').collection('users').insertOne(doc, { session });
  await session.endSession();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost:27017');
export async function insert(doc: { id: string }): Promise<void> {
  const session = client.startSession();
  try {
    await client.db('app').collection('users').insertOne(doc, { session });
  } finally {
    await session.endSession();
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (MongoDB sessions, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (MongoDB sessions, untyped)', rule, { valid, invalid });
