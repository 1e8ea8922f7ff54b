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
    name: 'an HTTP agent handed to a request in its options',
    code: `
import https from 'node:https';
export function fetchStatus(url: string) {
  return https.get(url, { agent: new https.Agent({ keepAlive: true }) });
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
    await pool.query('select $1', [name]);
    await pool.end();
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
