import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Shapes whose verdict needs no type information: both modes must agree. */
const valid = [
  {
    name: 'a one-shot probe through the promise() view of a mysql2 pool, ended through the view',
    code: `
import mysql from 'mysql2';
export async function checkDatabase(uri: string): Promise<void> {
  const pool = mysql.createPool({ uri }).promise();
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}`,
  },
  {
    name: 'a client created once at module level',
    code: `
import * as grpc from '@grpc/grpc-js';
const billing = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
export function charge(id: string) {
  billing.getChannel();
  return id;
}`,
  },
  {
    name: 'a lazy singleton with ??=',
    code: `
import { Pool } from 'pg';
let pool: Pool | undefined;
export function getPool() {
  return (pool ??= new Pool());
}`,
  },
  {
    name: 'a lazy singleton behind if (!client)',
    code: `
import * as grpc from '@grpc/grpc-js';
let client: grpc.Client | undefined;
export function billing() {
  if (!client) client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
  return client;
}`,
  },
  {
    name: 'a client injected through the constructor',
    code: `
import { Pool } from 'pg';
export class UserStore {
  constructor(private readonly pool: Pool) {}
  async find(id: number) {
    return this.pool.query('select * from users where id = $1', [id]);
  }
}`,
  },
  {
    name: 'a client created in the constructor and kept in a field',
    code: `
import { Pool } from 'pg';
export class UserStore {
  private readonly pool: Pool;
  constructor() {
    this.pool = new Pool();
  }
}`,
  },
  {
    name: 'a factory that returns the client it creates',
    code: `
import * as grpc from '@grpc/grpc-js';
export function dialBilling() {
  return new grpc.Client('billing:50051', grpc.credentials.createInsecure());
}`,
  },
  {
    name: 'a one-shot probe that closes its client',
    code: `
import { Pool } from 'pg';
export async function checkDatabase(url: string) {
  const pool = new Pool({ connectionString: url });
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}`,
  },
  {
    name: 'main runs once',
    code: `
import { Pool } from 'pg';
async function main() {
  const pool = new Pool();
  await pool.query('select 1');
}
void main();`,
  },
  {
    // With `keepAlive: true` the agent keeps its sockets after the request: reported (no-client-per-call.lent-options.test.ts).
    name: 'an HTTP agent without keep-alive handed to one request in its options',
    code: `
import https from 'node:https';
export function fetchStatus(url: string) {
  return https.get(url, { agent: new https.Agent({ rejectUnauthorized: false }) });
}`,
  },
  {
    name: "a one-shot probe taking fetch's Request is not a server request handler",
    code: `
import { Pool } from 'pg';
export async function probe(req: Request) {
  const pool = new Pool({ connectionString: new URL(req.url).searchParams.get('db') ?? undefined });
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}`,
  },
  {
    name: "a subclass constructor's super(...) configures this instance: it creates no client per call",
    code: `
import http from 'node:http';
export class KeepAliveAgent extends http.Agent {
  constructor(options: http.AgentOptions) {
    super({ ...options, keepAlive: true });
  }
}`,
  },
  {
    name: 'a client handed to another owner',
    code: `
import { Pool } from 'pg';
import { startServer } from './server';
export function boot() {
  const pool = new Pool();
  startServer(pool);
}`,
  },
  {
    name: 'a client kept in a field after checking the old one first',
    code: `
import { createClient, type RedisClientType } from 'redis';
export class Cache {
  private client: RedisClientType | undefined;
  async reconnect(url: string) {
    if (this.client) await this.client.quit();
    this.client = createClient({ url });
    await this.client.connect();
  }
  async get(key: string) {
    await this.reconnect('redis://cache');
    return this.client!.get(key);
  }
}`,
  },
  {
    name: 'a client stored in a field by a connect() method that nothing calls per use',
    code: `
import Redis from 'ioredis';
export class Queue {
  private connection: Redis | undefined;
  connect(url: string) {
    this.connection = new Redis(url);
  }
  add(job: string) {
    return this.connection!.lpush('jobs', job);
  }
}`,
  },
  {
    name: 'a readiness probe polled in a loop until it succeeds is not churn',
    code: `
import { Pool } from 'pg';
async function isReady(url: string): Promise<boolean> {
  const pool = new Pool({ connectionString: url });
  try {
    await pool.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await pool.end();
  }
}
export async function waitForDatabase(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (await isReady(url)) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}`,
  },
  {
    name: 'a MongoClient delivered to a connect() callback and kept for the process',
    code: `
const { MongoClient } = require('mongodb');
let db;
function connect(url, done) {
  MongoClient.connect(url, (err, client) => {
    if (err) return done(err);
    db = client.db('shop');
    process.on('SIGTERM', () => client.close());
    done();
  });
}
module.exports = { connect, items: () => db.collection('items') };`,
  },
  {
    name: 'a MongoClient whose database view is kept in a module variable lives as long as it',
    code: `
import { MongoClient, type Db } from 'mongodb';
let db: Db | undefined;
export async function connectDatabase(url: string): Promise<void> {
  const client = await MongoClient.connect(url);
  db = client.db('shop');
}
export const items = () => db!.collection('items');`,
  },
  {
    name: 'a callback-delivered MongoClient whose collection is kept in a field',
    code: `
const { MongoClient } = require('mongodb');
class Store {
  open(url, done) {
    MongoClient.connect(url, (err, client) => {
      if (err) return done(err);
      this.items = client.db('shop').collection('items');
      done();
    });
  }
}
module.exports = Store;`,
  },
  {
    name: 'a gRPC client built from credentials once, at module level',
    code: `
const grpc = require('@grpc/grpc-js');
const proto = grpc.loadPackageDefinition(require('./definition'));
const client = new proto.billing.Billing('billing:50051', grpc.credentials.createInsecure());
module.exports = { charge: (id) => client.charge({ id }) };`,
  },
  {
    name: 'a one-shot probe that closes its client in a callback is not churn',
    code: `
const mysql = require('mysql2');
function checkDatabase(config) {
  const connection = mysql.createConnection(config);
  return new Promise((resolve) => connection.query('select 1', (err) => { connection.end(); resolve(!err); }));
}
module.exports = { checkDatabase };`,
  },
  {
    name: 'an undici Agent handed to an unknown function still escapes',
    code: `
import { Agent } from 'undici';
import { register } from './dispatchers';
export function install() {
  const agent = new Agent({ connections: 4 });
  register({ dispatcher: agent });
}`,
  },
];

/** Reported in both modes. */
const invalid = [
  {
    name: 'a local subclass of a registry client, recognised without types through `extends` of the imported class',
    code: `
import { Pool } from 'pg';
class ReportingPool extends Pool {
  constructor() {
    super({ max: 2 });
  }
}
export async function report(): Promise<number> {
  const pool = new ReportingPool();
  const result = await pool.query('select 1');
  return result.rowCount ?? 0;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 9, data: { resource: 'pg pool', where: '`report`' } }],
  },
  {
    name: 'a mysql2 pool per request behind its promise() view, ended per call',
    code: `
import express from 'express';
import mysql from 'mysql2';
const app = express();
app.get('/users', async (req, res) => {
  const pool = mysql.createPool({ host: 'db' }).promise();
  try {
    res.json((await pool.query('select * from users'))[0]);
  } finally {
    await pool.end();
  }
});`,
    errors: [{ messageId: 'closedPerCall' as const, line: 6, data: { resource: 'mysql2 pool', where: 'a route handler' } }],
  },
  {
    name: 'a gRPC client per Kafka message, never closed (the incident)',
    code: `
import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';
const consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });
void consumer.run({
  eachMessage: async ({ message }) => {
    const client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
    client.getChannel();
    console.log(message.offset);
  },
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 7, data: { resource: 'gRPC client', where: "a consumer's `eachMessage`" } }],
  },
  {
    name: 'a pg pool per request in an express handler, closed per call',
    code: `
import express from 'express';
import { Pool } from 'pg';
const app = express();
app.get('/users', async (req, res) => {
  const pool = new Pool();
  try {
    res.json((await pool.query('select * from users')).rows);
  } finally {
    await pool.end();
  }
});`,
    errors: [{ messageId: 'closedPerCall' as const, line: 6, data: { resource: 'pg pool', where: 'a route handler' } }],
  },
  {
    name: 'a client per call in a class method, never closed',
    code: `
import * as grpc from '@grpc/grpc-js';
export class BillingService {
  charge(id: string) {
    const client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
    client.getChannel();
    return id;
  }
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5, data: { resource: 'gRPC client', where: '`charge`' } }],
  },
  {
    name: 'a client per loop iteration, closed each time',
    code: `
import { Pool } from 'pg';
export async function migrateAll(names: string[]) {
  for (const name of names) {
    const pool = new Pool();
    try {
      await pool.query('select $1', [name]);
    } finally {
      await pool.end();
    }
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 5, data: { resource: 'pg pool', where: 'a loop body' } }],
  },
  {
    name: 'a pg pool per request in an express handler declared apart and registered by name, closed per call',
    code: `
import express, { type Request, type Response } from 'express';
import { Pool } from 'pg';
const app = express();
async function listUsers(req: Request, res: Response) {
  const pool = new Pool();
  try {
    res.json((await pool.query('select * from users where org = $1', [req.params.org])).rows);
  } finally {
    await pool.end();
  }
}
app.get('/orgs/:org/users', listUsers);`,
    errors: [{ messageId: 'closedPerCall' as const, line: 6, data: { resource: 'pg pool', where: 'a request handler (`req: Request`)' } }],
  },
  {
    name: 'a pg client per call in a grpc-js unary implementation declared apart, closed per call',
    code: `
import * as grpc from '@grpc/grpc-js';
import pg from 'pg';
export async function getUser(call: grpc.ServerUnaryCall<{ id: number }, unknown>, callback: grpc.sendUnaryData<unknown>) {
  const db = new pg.Client();
  await db.connect();
  try {
    callback(null, (await db.query('select * from users where id = $1', [call.request.id])).rows[0]);
  } finally {
    await db.end();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 5, data: { resource: 'pg client', where: 'a request handler (`call: ServerUnaryCall`)' } }],
  },
  {
    name: 'an ioredis client per request',
    code: `
import http from 'node:http';
import { Redis } from 'ioredis';
http.createServer(async (req, res) => {
  const redis = new Redis();
  res.end(await redis.get(req.url ?? '/'));
}).listen(8080);`,
    errors: [{ messageId: 'neverClosed' as const, line: 5, data: { resource: 'ioredis client', where: 'a server request handler' } }],
  },
  {
    name: 'a client from an async local factory, closed only on success (a failing insert leaves it open)',
    code: `
const mysql = require('mysql2/promise');
async function connection(database) {
  return mysql.createConnection({ host: '127.0.0.1', database });
}
async function create(data) {
  const conn = await connection('app');
  const results = await conn.query('INSERT INTO example SET ?', data);
  await conn.end();
  return results;
}
module.exports = { create };`,
    errors: [{ messageId: 'closedOnlyOnSuccess' as const, line: 7, data: { resource: 'mysql2 connection', where: '`create`', thrower: 'await conn.query()', line: '8' } }],
  },
  {
    name: 'an undici Agent from a local arrow factory lent to fetch per call and never closed',
    code: `
import { Agent, fetch } from 'undici';
const makeDispatcher = () => new Agent({ connect: { timeout: 5_000 } });
export async function safeFetch(url: string, init: object = {}) {
  const dispatcher = makeDispatcher();
  return fetch(url, { ...init, dispatcher });
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5, data: { resource: 'undici dispatcher', where: '`safeFetch`' } }],
  },
  {
    name: 'a Kafka producer from a private factory method, disconnected per event in a loop of another class',
    code: `
const { Kafka } = require('kafkajs');
class Producer {
  #initProducer() {
    const kafka = new Kafka({ brokers: ['kafka:9092'] });
    return kafka.producer();
  }
  async produceEvent(message) {
    const producer = this.#initProducer();
    await producer.connect();
    try {
      await producer.send({ topic: 'events', messages: [{ value: message }] });
    } finally {
      await producer.disconnect();
    }
  }
}
class EventService {
  constructor(producer) {
    this.producer = producer;
  }
  async sendAll(messages) {
    for (const message of messages) await this.producer.produceEvent(message);
  }
}
module.exports = { Producer, EventService };`,
    errors: [{ messageId: 'closedPerCall' as const, line: 9, data: { resource: 'Kafka producer', where: '`produceEvent` (called from a loop body)' } }],
  },
  {
    name: 'a MongoClient from the static connect() per request, never closed',
    code: `
const express = require('express');
const { MongoClient } = require('mongodb');
const router = express.Router();
router.get('/:db/count', async (req, res) => {
  const client = await MongoClient.connect(process.env.MONGO_URL);
  res.json(await client.db(req.params.db).collection('items').countDocuments());
});
module.exports = router;`,
    errors: [{ messageId: 'neverClosed' as const, line: 6, data: { resource: 'MongoDB client', where: 'a route handler' } }],
  },
  {
    name: 'a helper that opens and closes a client, called from a listener, is connection churn',
    code: `
import { Pool } from 'pg';
async function countUsers() {
  const pool = new Pool();
  try {
    return await pool.query('select count(*) from users');
  } finally {
    await pool.end();
  }
}
export function register(bot: { on(event: string, listener: () => void): void }) {
  bot.on('message', async () => {
    await countUsers();
  });
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4, data: { resource: 'pg pool', where: '`countUsers` (called from a `message` listener)' } }],
  },
  {
    name: 'a gRPC client from a loadPackageDefinition constructor, recognised by its channel credentials',
    code: `
const grpc = require('@grpc/grpc-js');
module.exports = function register(node, server, config) {
  node.on('input', (msg, send) => {
    const proto = grpc.loadPackageDefinition(server.definition)[server.packageName];
    const client = new proto[config.service](server.address, grpc.credentials.createInsecure());
    client[config.method](msg.payload, (err, response) => send(response));
  });
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 6, data: { resource: 'gRPC client', where: 'a `input` listener' } }],
  },
  {
    name: 'a model method that opens a connection per query and ends it in the query callback',
    code: `
const mysql = require('mysql2');
class News {
  latest(limit) {
    const db = mysql.createConnection(process.env.DATABASE_URL);
    return new Promise((resolve, reject) => {
      db.query('SELECT * FROM news LIMIT ?', [limit], (err, rows) => {
        db.end();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }
}
module.exports = News;`,
    errors: [{ messageId: 'closedPerCall' as const, line: 5, data: { resource: 'mysql2 connection', where: '`latest`' } }],
  },
  {
    name: 'a client stored in a field and replaced on every use, quit only on success',
    code: `
import { createClient, type RedisClientType } from 'redis';
export class RedisCacheService {
  private client!: RedisClientType;
  private setClient(): void {
    this.client = createClient({ url: process.env.REDIS_URL });
  }
  async getAll(key: string) {
    try {
      this.setClient();
      await this.client.connect();
      const values = await this.client.hGetAll(key);
      await this.client.quit();
      return values;
    } catch {
      return undefined;
    }
  }
}`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 6, data: { resource: 'Redis client', where: '`setClient`', slot: 'this.client' } }],
  },
  {
    name: 'a Knex instance (its own connection pool) per request, never destroyed',
    code: `
const express = require('express');
const app = express();
app.get('/users', async (req, res) => {
  const db = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });
  res.json(await db('users').select());
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 5, data: { resource: 'Knex instance', where: 'a route handler' } }],
  },
  {
    name: 'a MongoClient delivered to a connect() callback per request, never closed',
    code: `
const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
app.get('/items', (req, res) => {
  MongoClient.connect(process.env.MONGO_URL, (err, client) => {
    if (err) return res.status(500).end();
    client.db('shop').collection('items').find().toArray((error, items) => res.json(items));
  });
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 6, data: { resource: 'MongoDB client', where: 'a route handler' } }],
  },
  {
    name: 'a client in a loop closed only on success',
    code: `
import { Pool } from 'pg';
export async function migrateAll(names: string[]) {
  for (const name of names) {
    const pool = new Pool();
    await pool.query('select $1', [name]);
    await pool.end();
  }
}`,
    errors: [{ messageId: 'closedOnlyOnSuccess' as const, line: 5, data: { resource: 'pg pool', where: 'a loop body', thrower: "await pool.query('select $1', [name])", line: '6' } }],
  },
];

for (const [label, tester] of [
  ['typed', typed],
  ['untyped', untyped],
] as const) {
  tester.run(`no-client-per-call (${label})`, rule, { valid, invalid });
}

/** Only the checker sees these: factories' return types and user subclasses. */
typed.run('no-client-per-call (typed only)', rule, {
  valid: [
    {
      name: 'one Kafka producer created at start-up and used for every message',
      code: `
import { Kafka } from 'kafkajs';
function connectKafka() {
  return new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });
}
const kafka = connectKafka();
const producer = kafka.producer();
const consumer = kafka.consumer({ groupId: 'billing' });
void consumer.run({
  eachMessage: async ({ message }) => {
    await producer.send({ topic: 'charged', messages: [{ value: message.value }] });
  },
});`,
    },
    {
      name: 'a getter that returns a stored client is not a factory',
      code: `
import * as grpc from '@grpc/grpc-js';
const shared = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
function billing() {
  return shared;
}
export function handle(id: string) {
  const client = billing();
  client.getChannel();
  return id;
}`,
    },
    {
      name: 'a client returned through its own connect() (Promise<this>) is handed out (MongoClient.connect)',
      code: `
import { MongoClient } from 'mongodb';
export async function connect(url: string): Promise<MongoClient> {
  const client = new MongoClient(url);
  return await client.connect();
}`,
    },
    {
      name: 'a one-shot probe that connects in the same expression and closes its client',
      code: `
import { MongoClient } from 'mongodb';
export async function ping(url: string): Promise<void> {
  const client = await new MongoClient(url).connect();
  try {
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}`,
    },
  ],
  invalid: [
    {
      name: 'a client connected in the same expression, per request, never closed',
      code: `
import express from 'express';
import { MongoClient } from 'mongodb';
const app = express();
app.get('/users/:id', async (req, res) => {
  const client = await new MongoClient('mongodb://db:27017').connect();
  res.json(await client.db('app').collection('users').findOne({ id: req.params.id }));
});`,
      errors: [{ messageId: 'neverClosed', line: 6 }],
    },
    {
      name: 'a per-call client through a project factory (the incident’s dialBilling)',
      code: `
import * as grpc from '@grpc/grpc-js';
function dialBilling() {
  return new grpc.Client('billing:50051', grpc.credentials.createInsecure());
}
export function handle(id: string) {
  const client = dialBilling();
  client.getChannel();
  return id;
}`,
      errors: [{ messageId: 'neverClosed', line: 7, data: { resource: 'gRPC client', where: '`handle`' } }],
    },
    {
      name: 'a user subclass of grpc.Client',
      code: `
import * as grpc from '@grpc/grpc-js';
class BillingClient extends grpc.Client {}
export function handle(id: string) {
  const client = new BillingClient('billing:50051', grpc.credentials.createInsecure());
  client.getChannel();
  return id;
}`,
      errors: [{ messageId: 'neverClosed', line: 5 }],
    },
    {
      name: 'a MongoClient per request in a route handler',
      code: `
import express from 'express';
import { MongoClient } from 'mongodb';
const app = express();
app.post('/orders', async (req, res) => {
  const mongo = new MongoClient('mongodb://db:27017');
  await mongo.db('shop').collection('orders').insertOne({ at: Date.now() });
  res.sendStatus(201);
});`,
      errors: [{ messageId: 'neverClosed', line: 6, data: { resource: 'MongoDB client', where: 'a route handler' } }],
    },
    {
      name: 'a node-redis client per call',
      code: `
import { createClient } from 'redis';
export async function cached(key: string) {
  const redis = createClient();
  await redis.connect();
  return redis.get(key);
}`,
      errors: [{ messageId: 'neverClosed', line: 4, data: { resource: 'Redis client', where: '`cached`' } }],
    },
    {
      // kafkajs declares \`type Producer = Sender & { … }\`: only the alias names the intersection.
      name: 'a Kafka producer per message in a consumer callback, through a Kafka the untyped oracle cannot see',
      code: `
import { Kafka } from 'kafkajs';
function connectKafka() {
  return new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });
}
const kafka = connectKafka();
const consumer = kafka.consumer({ groupId: 'billing' });
void consumer.run({
  eachMessage: async ({ message }) => {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'charged', messages: [{ value: message.value }] });
  },
});`,
      errors: [{ messageId: 'neverClosed', line: 10, data: { resource: 'Kafka producer', where: "a consumer's \`eachMessage\`" } }],
    },
    {
      name: 'a Kafka producer per message from a project factory, disconnected each time',
      code: `
import { Kafka, type Producer } from 'kafkajs';
const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] });
function dialEvents(): Producer {
  return kafka.producer({ allowAutoTopicCreation: false });
}
const consumer = kafka.consumer({ groupId: 'billing' });
void consumer.run({
  eachMessage: async ({ message }) => {
    const events = dialEvents();
    await events.connect();
    try {
      await events.send({ topic: 'charged', messages: [{ value: message.value }] });
    } finally {
      await events.disconnect();
    }
  },
});`,
      errors: [{ messageId: 'closedPerCall', line: 10, data: { resource: 'Kafka producer', where: "a consumer's \`eachMessage\`" } }],
    },
    {
      // \`type Consumer = { … }\`: an object literal type whose own symbol is the anonymous \`__type\`.
      name: 'a Kafka consumer per call from a Kafka passed in',
      code: `
import type { Kafka } from 'kafkajs';
export async function drain(kafka: Pick<Kafka, 'consumer'>, topic: string) {
  const consumer = kafka.consumer({ groupId: topic });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic] });
}`,
      errors: [{ messageId: 'neverClosed', line: 4, data: { resource: 'Kafka consumer', where: '\`drain\`' } }],
    },
    {
      name: 'a pg pool per request in a handler typed by its context, closed per call',
      code: `
import type { RequestHandler } from 'express';
import { Pool } from 'pg';
export const listUsers: RequestHandler = async (req, res) => {
  const pool = new Pool();
  try {
    res.json((await pool.query('select * from users')).rows);
  } finally {
    await pool.end();
  }
};`,
      errors: [{ messageId: 'closedPerCall', line: 5, data: { resource: 'pg pool', where: 'a request handler (`req: Request`)' } }],
    },
    {
      name: 'an undici pool per call',
      code: `
import { Pool } from 'undici';
export async function ping() {
  const pool = new Pool('http://localhost:8080');
  return pool.request({ path: '/', method: 'GET' });
}`,
      errors: [{ messageId: 'neverClosed', line: 4, data: { resource: 'undici dispatcher', where: '`ping`' } }],
    },
  ],
});

/** A local that the function also keeps (a cache) is not a fresh value per call, in either mode. */
for (const [label, tester] of [
  ['typed', typed],
  ['untyped', untyped],
] as const) tester.run(`no-client-per-call (lazy singleton, ${label})`, rule, {
  valid: [
    {
      name: 'a local function that caches the client it makes is a lazy singleton, not a factory',
      code: `
import { Pool } from 'pg';
let cached: Pool | undefined;
function pool() {
  if (cached) return cached;
  const created = new Pool();
  cached = created;
  return created;
}
export async function count() {
  const db = pool();
  return db.query('select count(*) from users');
}`,
    },
  ],
  invalid: [],
});
