import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A function that makes a client for an API it hands back (`return { query: (sql) => pool.query(sql) }`):
 * the caller keeps the client as long as that API. Called once at start-up, it makes one; called per
 * request or per invocation, one per call; exported and called nowhere in the file, its callers are
 * unknown and it is reported as any exported function (resumable-stream's context made per request).
 */
const valid = [
  {
    name: 'a factory returning a function declared in it, called once at module level',
    code: `
import pg from 'pg';
function createStore(connectionString: string) {
  const pool = new pg.Pool({ connectionString });
  function rows(sql: string) {
    return pool.query(sql);
  }
  return { rows };
}
export const store = createStore(process.env.DATABASE_URL ?? '');`,
  },
  {
    name: 'a factory whose API is put on a local object it returns, called once at module level',
    code: `
import Redis from 'ioredis';
function createLimiter(url: string) {
  const redis = new Redis(url);
  const limiter: { hit?: (key: string) => Promise<number> } = {};
  limiter.hit = (key: string) => redis.incr(key);
  return limiter;
}
export const limiter = createLimiter(process.env.REDIS_URL ?? '');`,
  },
];

const invalid = [
  {
    name: 'an exported factory whose returned methods capture the pool, called nowhere in this file',
    code: `
import pg from 'pg';
export default function createJobs(options: { db: string }) {
  const pool = new pg.Pool({ connectionString: options.db });
  const jobs: { run?: (id: number) => Promise<unknown> } = {};
  jobs.run = async function (id: number) {
    return pool.query('select $1::int as id', [id]);
  };
  return jobs;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a store factory whose returned arrow captures the client, called in every handler invocation',
    code: `
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const createUsageStore = (region: string, table: string) => {
  const client = new DynamoDBClient({ region });
  return { put: (id: string) => client.send(new PutItemCommand({ TableName: table, Item: { id: { S: id } } })) };
};
export const handler = async (event: { ids: string[] }) => {
  const store = createUsageStore('eu-west-1', 'usage');
  for (const id of event.ids) await store.put(id);
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
];

typedRuleTester().run('no-client-per-call (APIs handed back, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (APIs handed back, untyped)', rule, { valid, invalid });
