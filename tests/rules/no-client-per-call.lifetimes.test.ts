import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Client lifetimes beyond the `new Client()` in a handler: who creates the client, how often that
 * code runs, and what owns it afterwards. Every shape here needs no type information, so both modes
 * must agree (packages this repository does not install, such as `@aws-sdk/*`, are `any` when typed).
 */
const valid = [
  {
    name: 'a factory that returns its client and calls a function it was given (the parameter is not the factory)',
    code: `
import { knex } from 'knex';
export function createDb(version: string, getLogger: (name: string) => { debug(message: string): void }) {
  const logger = getLogger('db');
  return knex({ client: 'pg', version, log: { debug: (message: string) => logger.debug(message) } });
}`,
  },
  {
    name: 'a class that makes its own client, instantiated once at module level',
    code: `
import { Redis } from 'ioredis';
class SessionStore {
  private readonly redis = new Redis();
  read(id: string) {
    return this.redis.get(id);
  }
}
export const sessions = new SessionStore();
export async function readSession(id: string) {
  return sessions.read(id);
}`,
  },
  {
    name: 'a class handed its client, instantiated per request',
    code: `
import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
class Orders {
  constructor(private readonly db: Pool) {}
  list() {
    return this.db.query('select * from orders');
  }
}
const app = express();
app.get('/orders', async (req, res) => {
  const orders = new Orders(pool);
  res.json((await orders.list()).rows);
});`,
  },
  {
    name: 'a class that makes its own client, returned by a factory: the caller owns it',
    code: `
import { Pool } from 'pg';
class Reports {
  private pool: Pool;
  constructor() {
    this.pool = new Pool();
  }
}
export function openReports() {
  return new Reports();
}`,
  },
  {
    name: 'a cache of clients keyed by address, looked up on every path before one is made',
    code: `
import * as grpc from '@grpc/grpc-js';
export class Channels {
  private readonly byAddress = new Map<string, grpc.Client>();
  clientFor(address: string) {
    return this.byAddress.get(address) ?? this.dial(address);
  }
  private dial(address: string) {
    const client = new grpc.Client(address, grpc.credentials.createInsecure());
    this.byAddress.set(address, client);
    return client;
  }
}`,
  },
  {
    name: "a MongoClient's connect() promise kept in a module-level map keyed by URL",
    code: `
import { MongoClient } from 'mongodb';
const connecting = new Map<string, Promise<MongoClient>>();
export function mongoFor(url: string) {
  let pending = connecting.get(url);
  if (!pending) {
    pending = new MongoClient(url).connect();
    connecting.set(url, pending);
  }
  return pending;
}`,
  },
  {
    name: 'a client hung on an application object at start-up is the application’s, not a request’s',
    code: `
import { createClient } from 'redis';
export function installCache(app: { locals: Record<string, unknown> }) {
  const cache = createClient();
  cache.on('error', console.error);
  app.locals.cache = cache;
}`,
  },
  {
    name: 'a lazily created client chosen by a conditional',
    code: `
import { createClient } from 'redis';
let cache: ReturnType<typeof createClient> | undefined;
export function getCache() {
  cache ??= process.env.REDIS_TLS ? createClient({ url: 'rediss://cache:6380' }) : createClient({ url: 'redis://cache:6379' });
  return cache;
}`,
  },
];

const invalid = [
  {
    name: 'a model whose constructor makes a pg pool, built per request and dropped',
    code: `
import express from 'express';
import { Pool } from 'pg';
class Invoices {
  private pool: Pool;
  constructor() {
    this.pool = new Pool({ max: 4 });
  }
  unpaid() {
    return this.pool.query('select * from invoices where paid = false');
  }
}
const app = express();
app.get('/invoices', async (req, res) => {
  const invoices = new Invoices();
  res.json((await invoices.unpaid()).rows);
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 15, data: { resource: '`Invoices` (which creates its own pg pool)', where: 'a route handler' } }],
  },
  {
    name: 'a service whose field initialiser makes a client, closed through its own method per request',
    code: `
import express from 'express';
import { Redis } from 'ioredis';
class RateCounter {
  private readonly redis = new Redis();
  hit(key: string) {
    return this.redis.incr(key);
  }
  async shutdown() {
    await this.redis.quit();
  }
}
const app = express();
app.post('/hits/:key', async (req, res) => {
  const counter = new RateCounter();
  try {
    res.json(await counter.hit(req.params.key));
  } finally {
    await counter.shutdown();
  }
});`,
    errors: [{ messageId: 'closedPerCall' as const, line: 15, data: { resource: '`RateCounter` (which creates its own ioredis client)', where: 'a route handler' } }],
  },
  {
    name: 'a wrapper that opens its pool lazily, built on every call of an exported function',
    code: `
import { Pool } from 'pg';
class TenantDb {
  private pool?: Pool;
  constructor(private readonly url: string) {}
  connection() {
    if (!this.pool) this.pool = new Pool({ connectionString: this.url });
    return this.pool;
  }
}
export async function countTenantUsers(url: string) {
  const db = new TenantDb(url);
  return (await db.connection().query('select count(*) from users')).rows[0];
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 12, data: { resource: '`TenantDb` (which creates a pg pool)', where: '`countTenantUsers`' } }],
  },
  {
    name: 'an AWS SDK client from a private factory method, per operation',
    code: `
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
export class Outbox {
  constructor(private readonly queueUrl: string) {}
  private sqs() {
    return new SQSClient({ region: 'eu-west-1' });
  }
  async publish(body: string) {
    await this.sqs().send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: body }));
  }
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 9, data: { resource: 'AWS SDK client', where: '`publish`' } }],
  },
  {
    name: 'either of two clients, chosen per request by a conditional, never closed',
    code: `
import express from 'express';
import { createClient } from 'redis';
const app = express();
app.get('/flags', async (req, res) => {
  const flags = req.query.region === 'eu' ? createClient({ url: 'redis://eu-flags:6379' }) : createClient({ url: 'redis://us-flags:6379' });
  await flags.connect();
  res.json(await flags.hGetAll('flags'));
});`,
    errors: [
      { messageId: 'neverClosed' as const, line: 6, column: 45 },
      { messageId: 'neverClosed' as const, line: 6, column: 94 },
    ],
  },
  {
    name: 'middleware that hangs a new client on the request, watching only its errors',
    code: `
import { Redis } from 'ioredis';
export function attachRedis(req: { redis?: Redis }, res: unknown, next: () => void) {
  const redis = new Redis();
  redis.on('error', (error) => console.error(error));
  req.redis = redis;
  next();
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a call path that bypasses a keyed cache of gRPC clients',
    code: `
import * as grpc from '@grpc/grpc-js';
export class Channels {
  private readonly byAddress = new Map<string, grpc.Client>();
  clientFor(address: string) {
    return this.byAddress.get(address) ?? this.dial(address);
  }
  ping(address: string) {
    return this.dial(address).getChannel().getConnectivityState(false);
  }
  private dial(address: string) {
    const client = new grpc.Client(address, grpc.credentials.createInsecure());
    this.byAddress.set(address, client);
    return client;
  }
}`,
    errors: [{ messageId: 'keyedSlotBypassed' as const, line: 12, data: { resource: 'gRPC client', slot: 'this.byAddress', where: '`ping`', maker: 'dial' } }],
  },
  {
    name: 'a gRPC client from a package loaded lazily, credentials given as a fallback',
    code: `
let grpcModule: any = {};
export function loadGrpc(load: (name: string, fallback: () => unknown) => unknown) {
  grpcModule = load('@grpc/grpc-js', () => require('@grpc/grpc-js'));
}
export function lookup(Service: any, options: { credentials?: unknown }) {
  const credentials = options.credentials || grpcModule.credentials.createInsecure();
  const client = new Service('catalog:50051', credentials);
  return new Promise((resolve) => client.lookup({}, resolve));
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 8, data: { resource: 'gRPC client', where: '`lookup`' } }],
  },
  {
    name: 'a MongoClient connected in the same expression per call, never closed',
    code: `
import { MongoClient } from 'mongodb';
export async function findOrder(url: string, id: string) {
  const client = await new MongoClient(url).connect();
  return client.db('shop').collection('orders').findOne({ id });
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
];

for (const [label, tester] of [
  ['typed', typedRuleTester()],
  ['untyped', untypedRuleTester()],
] as const) {
  tester.run(`no-client-per-call lifetimes (${label})`, rule, { valid, invalid });
}
