import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A long-lived slot filled unconditionally by a function this file runs from code that runs again
 * and again — an exported data function, a class's constructor — is filled anew each time, and the
 * previous client is dropped open (blurts-server's `singleton`, assigned on every `redisClient()` and
 * never read; a rate limiter per request whose constructor called `getRedisClient()`). Not reported:
 * a filler this file runs once at start-up, or never (its callers are not known); a call made only
 * while the slot is empty (`if (!this.client) await this.connect()`); another instance's method
 * filling its own field. Same verdicts in both modes.
 */
const valid = [
  {
    name: 'the filler runs only while the slot is empty',
    code: `
import { MongoClient } from 'mongodb';
export class Store {
  private client: MongoClient | null = null;
  async connect(): Promise<void> {
    this.client = await MongoClient.connect('mongodb://localhost:27017');
  }
  async find(name: string): Promise<unknown[]> {
    if (!this.client) await this.connect();
    return this.client!.db('app').collection(name).find({}).toArray();
  }
  async destroy(): Promise<void> {
    await this.client?.close();
  }
}`,
  },
  {
    name: "each instance's initialize() fills its own field once",
    code: `
import { createClient, type RedisClientType } from 'redis';
class Sdk {
  client: RedisClientType | undefined;
  initialize(url: string): void {
    this.client = createClient({ url });
  }
}
const sdks: Record<string, Sdk> = {};
export function initSdk(id: string): void {
  sdks[id] = new Sdk();
  sdks[id].initialize('redis://localhost');
}`,
  },
  {
    name: "the constructor's own call of the filler fills the field the first time (cacheable's setPrimary)",
    code: `
import Redis from 'ioredis';
export class Cacheable {
  private primary: Redis | undefined;
  constructor(options?: { url?: string }) {
    if (options?.url) this.setPrimary(options.url);
  }
  setPrimary(url: string): void {
    this.primary = new Redis(url);
  }
  async disconnect(): Promise<void> {
    await this.primary?.quit();
  }
}`,
  },
  {
    name: 'the filler runs once, at start-up',
    code: `
import Redis from 'ioredis';
let redis: Redis;
function connect(): void {
  redis = new Redis();
}
connect();
export const get = (key: string) => redis.get(key);`,
  },
];

const invalid = [
  {
    name: 'a getter that fills a module slot on every call, called by an exported data function (blurts-server)',
    code: `
import { Redis } from 'ioredis';
let singleton: Redis;
export const redisClient = (): Redis => {
  singleton = new Redis({ lazyConnect: true });
  return singleton;
};
export async function getAllBreaches(): Promise<string[]> {
  const client = redisClient();
  return JSON.parse((await client.get('breaches')) ?? '[]') as string[];
}`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 5 }],
  },
  {
    name: 'a module slot filled from the constructor of a per-request limiter',
    code: `
import { createClient, type RedisClientType } from 'redis';
let client: RedisClientType;
function getRedisClient(): RedisClientType {
  client = createClient();
  return client;
}
class RateLimit {
  readonly redis: RedisClientType;
  constructor(readonly prefix: string) {
    this.redis = getRedisClient();
  }
}
export async function check(type: string): Promise<RateLimit> {
  return new RateLimit(type);
}`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 5 }],
  },
];

typedRuleTester().run('no-client-per-call (slots refilled by code that runs again, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (slots refilled by code that runs again, untyped)', rule, { valid, invalid });
