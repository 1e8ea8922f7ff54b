import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Clients whose per-call lifetime shows only through the functions around them: a handler a factory
 * returns, a handler given its request in a context object, a local helper that ends the client in a
 * callback, and a local function that returns the client inside another object (a wrapper built
 * around it, or a literal carrying it). Each needs no type information, so both modes must agree;
 * the valid cases are their nearest false positives (run-once calls, clients kept by a long-lived
 * owner, a caller that keeps what it gets).
 */
const valid = [
  {
    name: 'a handler factory whose handler uses a module-level pool',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export function queryResponder(sql: string) {
  return async function (req: any, res: any) {
    res.json((await pool.query(sql)).rows);
  };
}`,
  },
  {
    name: 'a context-object handler that uses a module-level client',
    code: `
import { MongoClient } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL!);
export async function find({ request, connection }: { request: { query: object }; connection: { collection: string } }) {
  return client.db().collection(connection.collection).find(request.query).toArray();
}`,
  },
  {
    name: 'a context-object handler whose client comes from a keyed cache of pending connects',
    code: `
import { MongoClient } from 'mongodb';
const clients = new Map<string, Promise<MongoClient>>();
function clientFor(uri: string): Promise<MongoClient> {
  let pending = clients.get(uri);
  if (!pending) {
    pending = new MongoClient(uri).connect();
    clients.set(uri, pending);
  }
  return pending;
}
export async function find({ request, connection }: { request: { query: object }; connection: { uri: string } }) {
  const client = await clientFor(connection.uri);
  return client.db().collection('items').find(request.query).toArray();
}`,
  },
  {
    name: 'a wrapper around a client, built by a local function and kept per key by the module',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
const limiters = new Map<string, RateLimiterRedis>();
async function buildLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  await redisClient.connect();
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
export async function limit(req: any, res: any, next: () => void) {
  let limiter = limiters.get(req.plan);
  if (!limiter) {
    limiter = await buildLimiter(10);
    limiters.set(req.plan, limiter);
  }
  await limiter.consume(req.ip);
  next();
}`,
  },
  {
    name: 'a wrapper around a client built once, at module level',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
function buildLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
const limiter = buildLimiter(10);
export async function limit(req: any, res: any, next: () => void) {
  await limiter.consume(req.ip);
  next();
}`,
  },
  {
    name: 'a wrapper around a client built lazily, once',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
let limiter: RateLimiterRedis | undefined;
function buildLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
export async function limit(req: any, res: any, next: () => void) {
  limiter ??= buildLimiter(10);
  await limiter.consume(req.ip);
  next();
}`,
  },
  {
    name: 'a wrapper built around a client the local function also keeps in a module cache',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
const clients: unknown[] = [];
function buildLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  clients.push(redisClient);
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
export async function limit(req: any, res: any, next: () => void) {
  await buildLimiter(10).consume(req.ip);
  next();
}`,
  },
  {
    name: 'a wrapper a handler returns to its caller',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
function buildLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
export function limiterFor(points: number) {
  const limiter = buildLimiter(points);
  return limiter;
}`,
  },
  {
    name: 'a client carried in a returned literal, kept whole by the caller (not picked out): not judged',
    code: `
import { MongoClient } from 'mongodb';
async function getCollection(uri: string, name: string) {
  const client = new MongoClient(uri);
  await client.connect();
  return { client, collection: client.db().collection(name) };
}
export async function find({ request }: { request: { uri: string; query: object } }) {
  const target = await getCollection(request.uri, 'items');
  try {
    return await target.collection.find(request.query).toArray();
  } finally {
    await target.client.close();
  }
}`,
  },
  {
    name: 'a client a local helper ends in a callback, in a function outside any hot path',
    code: `
import pg from 'pg';
function endAfter(query: pg.Query, client: pg.Client, done: (rows: unknown[]) => void) {
  const rows: unknown[] = [];
  query.on('row', (row) => rows.push(row));
  query.on('end', () => {
    client.end();
    done(rows);
  });
}
export function runOnce(sql: string, done: (rows: unknown[]) => void) {
  const client = new pg.Client(process.env.DATABASE_URL);
  client.connect();
  endAfter(client.query(new pg.Query(sql)), client, done);
}`,
  },
  {
    name: 'a Google Cloud Storage client created once, at module level',
    code: `
import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function copy(bucket: string, from: string, to: string) {
  await storage.bucket(bucket).file(from).copy(storage.bucket(bucket).file(to));
}`,
  },
  {
    name: 'a promise-wrapped connect whose pending promise is kept per URL by the module',
    code: `
const { MongoClient } = require('mongodb');
const connections = {};
function connect(url) {
  if (!connections[url]) {
    connections[url] = new Promise((resolve, reject) => {
      MongoClient.connect(url, (error, client) => {
        if (error) return reject(error);
        resolve(client);
      });
    });
  }
  return connections[url];
}
exports.items = async function (req, res) {
  const client = await connect(process.env.MONGO_URL);
  res.json(await client.db().collection('items').find().toArray());
};`,
  },
  {
    name: 'a promise-wrapped connect that also keeps the client it delivers (a lazy singleton)',
    code: `
const { MongoClient } = require('mongodb');
let cached;
function connect(url) {
  return new Promise((resolve, reject) => {
    MongoClient.connect(url, (error, client) => {
      if (error) return reject(error);
      cached = client;
      resolve(client);
    });
  });
}
exports.items = async function (req, res) {
  const client = cached || (await connect(process.env.MONGO_URL));
  res.json(await client.db().collection('items').find().toArray());
};`,
  },
  {
    name: 'a promise-wrapped connect awaited once, at module level',
    code: `
const { MongoClient } = require('mongodb');
function connect(url) {
  return new Promise((resolve, reject) => {
    MongoClient.connect(url, (error, client) => (error ? reject(error) : resolve(client)));
  });
}
const ready = connect(process.env.MONGO_URL);
exports.items = async function (req, res) {
  const client = await ready;
  res.json(await client.db().collection('items').find().toArray());
};`,
  },
  {
    name: 'a completion-callback connect that keeps the client it delivers (a lazy singleton)',
    code: `
const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
let cached;
function getConnection(done) {
  if (cached) return done(null, cached);
  MongoClient.connect(process.env.MONGO_URL, (error, client) => {
    cached = client;
    done(error, client);
  });
}
app.get('/items', (req, res) => {
  getConnection((error, client) => {
    client.db().collection('items').find().toArray().then((items) => res.json(items));
  });
});`,
  },
  {
    name: 'a completion-callback connect used by a one-off count that closes the client',
    code: `
const { MongoClient } = require('mongodb');
function getConnection(done) {
  MongoClient.connect(process.env.MONGO_URL, done);
}
exports.count = function (done) {
  getConnection((error, client) => {
    client.db().collection('items').countDocuments().then((n) => {
      client.close();
      done(null, n);
    });
  });
};`,
  },
  {
    name: 'a get-or-create accessor that returns the client its map keeps, called per request',
    code: `
import { createServer } from 'node:http';
import Redis from 'ioredis';
class RedisClients {
  private static instance: RedisClients | undefined;
  private readonly clients = new Map<string, Redis>();
  static getInstance(): RedisClients {
    RedisClients.instance ??= new RedisClients();
    return RedisClients.instance;
  }
  client(url: string): Redis {
    if (!this.clients.has(url)) this.clients.set(url, new Redis(url));
    return this.clients.get(url)!;
  }
}
const redisFor = (url: string): Redis => RedisClients.getInstance().client(url);
createServer(async (_req, res) => {
  const redis = redisFor(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  res.end(String(await redis.incr('hits')));
}).listen(0);`,
  },
  {
    name: 'a pool of HTTP/2 sessions per authority: each kept, handed back, and closed by its idle timer',
    code: `
import http2 from 'node:http2';
export class Sessions {
  private readonly byAuthority = new Map<string, http2.ClientHttp2Session[]>();
  get(authority: string): http2.ClientHttp2Session {
    const open = this.byAuthority.get(authority)?.find((session) => !session.closed && !session.destroyed);
    if (open) return open;
    const session = http2.connect(authority);
    let idle: NodeJS.Timeout | undefined;
    const remove = () => {
      clearTimeout(idle);
      const list = this.byAuthority.get(authority) ?? [];
      this.byAuthority.set(authority, list.filter((entry) => entry !== session));
      if (!session.closed) session.close();
    };
    session.on('close', remove);
    session.on('error', remove);
    idle = setTimeout(remove, 1_000);
    const list = this.byAuthority.get(authority) ?? [];
    list.push(session);
    this.byAuthority.set(authority, list);
    return session;
  }
}`,
  },
];

const invalid = [
  {
    name: 'a (req, res) function declared on its own is a request handler by its signature: opening and closing a client in it is churn',
    code: `
import pg from 'pg';
export async function health(req: any, res: any) {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  try {
    res.json((await client.query('select 1')).rows);
  } finally {
    await client.end();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4 }],
  },
  {
    name: 'a client a local function hands its completion callback, got per request and never closed',
    code: `
const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
function getConnection(done) {
  MongoClient.connect(process.env.MONGO_URL, done);
}
app.get('/items', (req, res) => {
  getConnection((error, client) => {
    if (error) return res.sendStatus(500);
    client.db().collection('items').find().toArray().then((items) => res.json(items));
  });
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 9, data: { resource: 'MongoDB client', where: 'a route handler' } }],
  },
  {
    name: 'a pg client a local function builds and hands its completion callback error-first, per message',
    code: `
const pg = require('pg');
function open(done) {
  const client = new pg.Client(process.env.DATABASE_URL);
  client.connect((error) => done(error, client));
}
process.on('message', (message) => {
  open((error, client) => {
    client.query('insert into events(body) values ($1)', [message]);
  });
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 8, data: { resource: 'pg client', where: 'a `message` listener' } }],
  },
  {
    name: 'a client delivered through a promise completion callback, awaited in a route handler and never closed',
    code: `
const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
function connect(url) {
  return new Promise((resolve, reject) => {
    MongoClient.connect(url, (error, client) => {
      if (error) return reject(error);
      resolve(client);
    });
  });
}
app.get('/items', async (req, res) => {
  const client = await connect(process.env.MONGO_URL);
  res.json(await client.db().collection('items').find().toArray());
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 14, data: { resource: 'MongoDB client', where: 'a route handler' } }],
  },
  {
    name: 'a pg client a local function builds and resolves once connected, awaited per message and never ended',
    code: `
const pg = require('pg');
function open() {
  return new Promise((resolve, reject) => {
    const client = new pg.Client(process.env.DATABASE_URL);
    client.connect((error) => (error ? reject(error) : resolve(client)));
  });
}
exports.onMessage = async function (message) {
  const client = await open();
  await client.query('insert into events(body) values ($1)', [message]);
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 10, data: { resource: 'pg client', where: 'this function' } }],
  },
  {
    name: 'a pg client opened and closed in the handler a factory returns: connection churn per request',
    code: `
import pg from 'pg';
export function queryResponder(sql: string) {
  return async function (req: any, res: any) {
    const client = new pg.Client(process.env.DATABASE_URL);
    await client.connect();
    try {
      res.json((await client.query(sql)).rows);
    } finally {
      await client.end();
    }
  };
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 5, data: { resource: 'pg client', where: 'a request handler (returned by `queryResponder`)' } }],
  },
  {
    name: 'a Redis client made and quit in middleware an arrow factory returns',
    code: `
import { createClient } from 'redis';
export const requirePlan = (plan: string) => async (req: any, res: any, next: () => void) => {
  const redis = createClient({ url: process.env.REDIS_URL });
  await redis.connect();
  try {
    if ((await redis.get(req.user)) !== plan) return res.sendStatus(402);
    next();
  } finally {
    await redis.quit();
  }
};`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4, data: { resource: 'Redis client', where: 'a request handler (returned by `requirePlan`)' } }],
  },
  {
    name: 'a pg client a handler hands to a local helper that ends it in the query end listener',
    code: `
import pg from 'pg';
function openPostgres() {
  const client = new pg.Client(process.env.DATABASE_URL);
  client.connect();
  return client;
}
function endAfter(query: pg.Query, client: pg.Client, res: any) {
  const rows: unknown[] = [];
  query.on('row', (row) => rows.push(row));
  query.on('end', () => {
    client.end();
    res.json(rows);
  });
}
export function responder(sql: string) {
  return function (req: any, res: any) {
    const client = openPostgres();
    endAfter(client.query(new pg.Query(sql)), client, res);
  };
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 18, data: { resource: 'pg client', where: 'a request handler (returned by `responder`)' } }],
  },
  {
    name: 'a context-object handler that opens and closes a MongoDB client per request',
    code: `
import { MongoClient } from 'mongodb';
export async function find({ request, connection }: { request: { query: object }; connection: { uri: string } }) {
  const client = new MongoClient(connection.uri);
  try {
    return await client.db().collection('items').find(request.query).toArray();
  } finally {
    await client.close();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4, data: { resource: 'MongoDB client', where: 'a request handler (given `{ request }`)' } }],
  },
  {
    name: 'a client carried in a literal a local factory returns, picked out and closed per request',
    code: `
import { MongoClient } from 'mongodb';
async function getCollection(uri: string, name: string) {
  const client = new MongoClient(uri);
  await client.connect();
  return { client, collection: client.db().collection(name) };
}
export async function find({ request }: { request: { uri: string; query: object } }) {
  const { collection, client } = await getCollection(request.uri, 'items');
  try {
    return await collection.find(request.query).toArray();
  } finally {
    await client.close();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 9, data: { resource: 'MongoDB client (made by `getCollection`)', where: 'a request handler (given `{ request }`)' } }],
  },
  {
    name: 'a wrapper around a Redis client built by a local function on every request and dropped',
    code: `
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
async function getRateLimiter(points: number) {
  const redisClient = createClient({ url: process.env.REDIS_URL });
  await redisClient.connect();
  redisClient.on('error', (error) => console.error(error));
  return new RateLimiterRedis({ storeClient: redisClient, points });
}
export async function limit(req: any, res: any, next: () => void) {
  const limiter = await getRateLimiter(10);
  await limiter.consume(req.ip);
  next();
}`,
    errors: [
      {
        messageId: 'neverClosed' as const,
        line: 11,
        data: { resource: 'Redis client (kept by the `RateLimiterRedis` that `getRateLimiter` returns)', where: 'the request handler `limit`' },
      },
    ],
  },
  {
    name: 'a Google Cloud Storage client made on every upload',
    code: `
import { Storage } from '@google-cloud/storage';
export async function upload(bucket: string, name: string, body: Buffer) {
  const storage = new Storage();
  await storage.bucket(bucket).file(name).save(body);
}`,
    errors: [{ messageId: 'madePerCallNothingToClose' as const, line: 4, data: { resource: 'Google Cloud Storage client', where: '`upload`' } }],
  },
  {
    name: 'a generated Google Cloud client made per call and never closed',
    code: `
import { SecretManagerServiceClient } from '@google-cloud/secret-manager';
export async function secret(name: string) {
  const client = new SecretManagerServiceClient();
  const [version] = await client.accessSecretVersion({ name });
  return version.payload?.data?.toString();
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4, data: { resource: 'Google Cloud API client', where: '`secret`' } }],
  },
  {
    name: 'a Google Cloud package client named after its package (Datastore) made per call and never closed',
    code: `
import { Datastore } from '@google-cloud/datastore';
export async function lookup(kind: string, id: string) {
  const datastore = new Datastore();
  const [entity] = await datastore.get(datastore.key([kind, id]));
  return entity;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4, data: { resource: 'Google Cloud client', where: '`lookup`' } }],
  },
];

typedRuleTester().run('no-client-per-call factories (typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call factories (untyped)', rule, { valid, invalid });
