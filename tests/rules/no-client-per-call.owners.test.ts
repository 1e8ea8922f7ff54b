import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Who owns a client after the statement that makes it: an object whose lifetime is per call (a
 * request it is hung on, an instance of an ES5 constructor or of a request-scoped provider), a
 * cache that is filled only after the client has connected, a default client captured by the object
 * a factory returns, and a package's value that the file itself shows must be ended. None needs type
 * information, so both modes must agree (`@acme/mailer` and `@nestjs/common` are not installed: `any` typed).
 */
const valid = [
  {
    name: 'a client hung on the request and destroyed when the response finishes',
    code: `
import express from 'express';
import { Pool } from 'pg';
const app = express();
app.use((req: any, res, next) => {
  req.db = new Pool();
  res.on('finish', () => req.db.end());
  next();
});`,
  },
  {
    name: 'an ES5 constructor whose methods quit the client they hold once their work is done',
    code: `
const redis = require('redis');
function Store(config) {
  this.db = redis.createClient(config);
}
Store.prototype.get = function (key, callback) {
  const db = this.db;
  db.get(key, (err, value) => {
    db.quit();
    callback(err, value);
  });
};
module.exports = (app) => app.get('/:key', (req, res) => new Store({}).get(req.params.key, (err, value) => res.send(value)));`,
  },
  {
    name: 'a default-scoped provider that makes its own client: one instance per application',
    code: `
import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';
@Injectable()
export class Orders {
  private readonly pool = new Pool();
  list() {
    return this.pool.query('select * from orders');
  }
}`,
  },
  {
    name: 'a request-scoped provider handed its client by the container',
    code: `
import { Injectable, Scope } from '@nestjs/common';
import { Pool } from 'pg';
@Injectable({ scope: Scope.REQUEST })
export class Orders {
  constructor(private readonly pool: Pool) {}
  list() {
    return this.pool.query('select * from orders');
  }
}`,
  },
  {
    name: 'a cache that holds the pending connection before the first await',
    code: `
import { MongoClient } from 'mongodb';
const clients = new Map<string, Promise<MongoClient>>();
export function clientFor(uri: string): Promise<MongoClient> {
  let client = clients.get(uri);
  if (!client) {
    client = MongoClient.connect(uri);
    clients.set(uri, client);
  }
  return client;
}`,
  },
  {
    name: 'a single slot filled after connecting, by a method nothing here calls per request',
    code: `
import { Pool, type PoolClient } from 'pg';
export class Migrator {
  private client: PoolClient | undefined;
  constructor(private readonly pool: Pool) {}
  async connection() {
    if (this.client) return this.client;
    const client = await this.pool.connect();
    this.client = client;
    return client;
  }
}`,
  },
  {
    name: 'a factory that uses the client its caller passes',
    code: `
import { type RedisClientType } from 'redis';
export function createContext(options: { publisher: RedisClientType }) {
  const { publisher } = options;
  return { publish: (id: string) => publisher.set(id, '1') };
}`,
  },
  {
    name: 'a package value the file never ends anywhere: nothing says it holds a connection',
    code: `
const mailer = require('@acme/mailer');
exports.forgot = function (req, res) {
  const transport = mailer.createTransport({ host: 'smtp' });
  transport.sendMail({ to: req.body.email }, () => res.send('sent'));
};`,
  },
  {
    name: 'a package value the file ends, made and ended per call: how often is not judged',
    code: `
const mailer = require('@acme/mailer');
exports.forgot = async function (req, res) {
  const transport = mailer.createTransport({ host: 'smtp' });
  try {
    await transport.sendMail({ to: req.body.email });
  } finally {
    transport.close();
  }
  res.send('sent');
};`,
  },
  {
    name: 'a constructor function kept on a module object whose methods quit the client through an alias of this',
    code: `
const redis = require('redis');
const datastore = {};
datastore.Store = function (opts) {
  var self = this;
  self.client = redis.createClient(opts.port, opts.host);
  return self;
};
datastore.Store.prototype.get = function (key, cb) {
  var self = this;
  self.client.get(key, (err, value) => {
    self.client.quit();
    cb(err, value);
  });
};
datastore.handle = function (req, res) {
  new datastore.Store({}).get(req.params.key, (err, doc) => res.end(JSON.stringify(doc)));
};
module.exports = datastore;`,
  },
  {
    name: 'a nodemailer transport created once when the module loads',
    code: `
const nodemailer = require('nodemailer');
const transporter = nodemailer.createTransport({ host: 'smtp' });
exports.forgot = function (req, res) {
  transporter.sendMail({ to: req.body.email }, () => res.send('sent'));
};`,
  },
  {
    name: 'a lazy-connect wrapper destroyed after its query: an earlier throw finds it not yet connected',
    code: `
const { MongoClient } = require('mongodb');
class Db {
  constructor() {
    this.client = null;
  }
  async connect() {
    this.client = await MongoClient.connect(process.env.DATABASE).catch((err) => console.log(err));
  }
  async find(table, query) {
    if (!this.client) await this.connect();
    return this.client.db('app').collection(table).find(query).toArray();
  }
  async destroy() {
    if (this.client) await this.client.close(true);
  }
}
async function rowsFor(user, filter) {
  const db = new Db();
  const allowed = await checkAccess(user);
  const rows = await db.find('data', { ...filter, owner: allowed });
  await db.destroy();
  return rows;
}
module.exports = { rowsFor };`,
  },
  {
    name: 'a package value connected to another node (an audio graph): wiring says nothing about a connection',
    code: `
const { Synth, Gain } = require('@acme/audio');
exports.play = function (note) {
  const synth = new Synth();
  synth.connect(new Gain());
  synth.trigger(note);
};`,
  },
  {
    name: 'a package value connected to a destination node held in a variable: wiring, not an address',
    code: `
const { Synth, Gain } = require('@acme/audio');
exports.play = function (note) {
  const synth = new Synth();
  const gain = new Gain();
  synth.connect(gain);
  synth.trigger(note);
};`,
  },
];

const invalid = [
  {
    name: "a package's client the file disconnects through a let it assigns later is a client wherever the file makes one",
    code: `
import express from 'express';
import { Producer } from '@acme/kafka-wrapper';
const app = express();
let shared;
export async function start() {
  shared = new Producer({ brokers: ['kafka:9092'] });
  await shared.connect();
}
export async function stop() {
  await shared.disconnect();
}
app.post('/audit', async (req, res) => {
  const producer = new Producer({ brokers: ['kafka:9092'], clientId: req.body.tenant });
  await producer.send(req.body);
  res.sendStatus(202);
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 14 }],
  },
  {
    // The listeners live as long as the client and hold it for no one else: nothing but this function ends it.
    name: 'a subscriber whose only other holder is its own message listener, made on every call and never closed',
    code: `
const { createClient } = require('redis');
exports.watch = function (channel, onMessage) {
  const subscriber = createClient();
  subscriber.on('message', (name, message) => onMessage(message));
  subscriber.subscribe(channel);
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'an MQTT client per request whose message listener answers through it, never ended',
    code: `
const mqtt = require('mqtt');
const express = require('express');
const app = express();
app.post('/ask', (req, res) => {
  const client = mqtt.connect('mqtt://broker');
  client.on('message', (topic, payload) => client.publish('answers', payload));
  client.subscribe('questions/' + req.body.id);
  res.sendStatus(202);
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
  {
    name: 'middleware that hangs a client from a local factory on the request, never ended',
    code: `
const express = require('express');
const { Pool } = require('pg');
function poolFor(req) {
  return new Pool({ database: 'tenant_' + req.get('x-tenant') });
}
const app = express();
app.use((req, res, next) => {
  req.db = poolFor(req);
  next();
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 9 }],
  },
  {
    name: 'an ES5 constructor that opens a client for every instance, built per request',
    code: `
const redis = require('redis');
function Store(config) {
  this.db = redis.createClient(config);
}
Store.prototype.get = function (key, callback) {
  this.db.get(key, callback);
};
module.exports = (app) => app.get('/:key', (req, res) => {
  const store = new Store({});
  store.get(req.params.key, (err, value) => res.send(value));
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 10 }],
  },
  {
    name: 'a request-scoped provider that makes its own client in a field',
    code: `
import { Injectable, Scope } from '@nestjs/common';
import { Pool } from 'pg';
@Injectable({ scope: Scope.REQUEST })
export class Orders {
  private readonly pool = new Pool();
  list() {
    return this.pool.query('select * from orders');
  }
}`,
    errors: [{ messageId: 'perScopedInstance' as const, line: 6, data: { resource: 'pg pool', provider: 'Orders', field: 'pool', scope: 'Scope.REQUEST' } }],
  },
  {
    name: 'a transient provider that makes its own client in the constructor',
    code: `
import { Injectable, Scope } from '@nestjs/common';
import { Redis } from 'ioredis';
@Injectable({ scope: Scope.TRANSIENT })
export class Sessions {
  private readonly redis: Redis;
  constructor() {
    this.redis = new Redis();
  }
  read(id: string) {
    return this.redis.get(id);
  }
}`,
    errors: [{ messageId: 'perScopedInstance' as const, line: 8 }],
  },
  {
    name: 'a keyed cache filled only after the client has connected',
    code: `
import { MongoClient } from 'mongodb';
const clients: Record<string, MongoClient> = {};
export async function clientFor(uri: string) {
  if (clients[uri]) return clients[uri];
  const client = await MongoClient.connect(uri);
  clients[uri] = client;
  return client;
}`,
    errors: [{ messageId: 'cacheFilledAfterAwait' as const, line: 6, data: { resource: 'MongoDB client', slot: 'clients', maker: 'clientFor' } }],
  },
  {
    name: 'a single slot filled after connecting, reached from a route handler',
    code: `
import express from 'express';
import { MongoClient } from 'mongodb';
let shared: MongoClient | undefined;
async function database() {
  if (shared) return shared.db('shop');
  const client = await MongoClient.connect('mongodb://db');
  shared = client;
  return client.db('shop');
}
const app = express();
app.get('/orders', async (req, res) => {
  res.json(await (await database()).collection('orders').find().toArray());
});`,
    errors: [{ messageId: 'cacheFilledAfterAwait' as const, line: 7, data: { resource: 'MongoDB client', slot: 'shared', maker: 'database' } }],
  },
  {
    name: 'a default client captured by the object a factory returns, waited for and never quit',
    code: `
import { createClient, type RedisClientType } from 'redis';
export function createContext(options: { publisher?: RedisClientType }) {
  const publisher = options.publisher ?? createClient();
  const ready = publisher.isOpen ? null : publisher.connect();
  return {
    async publish(id: string) {
      await ready;
      await publisher.set(id, '1');
    },
  };
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a package value made per request and never ended, where the file ends another one made the same way',
    code: `
const mailer = require('@acme/mailer');
exports.forgot = function (req, res) {
  const transport = mailer.createTransport({ host: 'smtp' });
  transport.sendMail({ to: req.body.email }, () => res.send('sent'));
};
exports.verify = async function () {
  const transport = mailer.createTransport({ host: 'smtp' });
  await transport.verify();
  transport.close();
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a constructor function kept on a module object that opens a client through an alias of this, built per request',
    code: `
const redis = require('redis');
const datastore = {};
datastore.Store = function (opts) {
  var self = this;
  self.client = redis.createClient(opts.port, opts.host);
  return self;
};
datastore.Store.prototype.get = function (key, cb) {
  var self = this;
  self.client.get(key, cb);
};
datastore.handle = function (req, res) {
  var ds = new datastore.Store({});
  ds.get(req.params.key, (err, doc) => res.end(JSON.stringify(doc)));
};
module.exports = datastore;`,
    errors: [{ messageId: 'neverClosed' as const, line: 14 }],
  },
  {
    // Pooled: without `pool`, each sendMail opens and quits its own connection (no-client-per-call.pooled-only).
    name: 'a pooled nodemailer transport created for every mail and never closed',
    code: `
import nodemailer from 'nodemailer';
export const sendReservationMail = async (mail: { to: string }, auth: { user: string; pass: string }) => {
  const transporter = nodemailer.createTransport({ host: 'smtp', auth, pool: true });
  const { messageId } = await transporter.sendMail(mail);
  return messageId;
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4, data: { resource: 'nodemailer transport', where: '`sendReservationMail`' } }],
  },
  {
    name: 'a Bull queue constructed on every call of a helper and never closed',
    code: `
const Bull = require('bull');
async function publish(name, data) {
  const queue = new Bull(name, process.env.REDIS_URL);
  await queue.add(data);
}
module.exports = { publish };`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'an AWS SDK aggregated client (named after its package) per loop iteration, never destroyed',
    code: `
import { S3 } from '@aws-sdk/client-s3';
export const handler = async (event: { keys: string[] }) => {
  const pending = [];
  for (const key of event.keys) {
    const s3 = new S3({});
    pending.push(s3.getObject({ Bucket: 'b', Key: key }));
  }
  return Promise.all(pending);
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
  {
    name: 'a lazy-connect wrapper made for every check and never destroyed',
    code: `
const { MongoClient } = require('mongodb');
class Db {
  async connect() {
    this.client = await MongoClient.connect(process.env.DATABASE).catch((err) => console.log(err));
  }
  async find(table, query) {
    if (!this.client) await this.connect();
    return this.client.db('app').collection(table).find(query).toArray();
  }
  async destroy() {
    if (this.client) await this.client.close(true);
  }
}
async function rowsFor(filter) {
  const db = new Db();
  return db.find('data', filter);
}
module.exports = { rowsFor };`,
    errors: [{ messageId: 'neverClosed' as const, line: 16 }],
  },
  {
    name: 'a client per request whose ready and end listeners only watch its connection',
    code: `
const { createClient } = require('redis');
exports.handler = async function (req, res) {
  const client = createClient();
  client.on('ready', () => console.log('redis ready'));
  client.on('end', () => console.log('redis gone'));
  res.json({ cached: await client.get(req.params.key) });
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a package value the file opens with connect(), made per request and never ended',
    code: `
const { VendorClient } = require('@acme/vendor-sdk');
exports.handler = async function (req, res) {
  const client = new VendorClient({ apiKey: process.env.KEY });
  await client.connect();
  res.json(await client.fetchOrders(req.params.id));
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: "a package's client connected to an endpoint URL per message and never disconnected",
    code: `
const opcua = require('node-opcua');
module.exports = function (RED) {
  function BrowseNode(config) {
    const node = this;
    async function browseOnce(endpointUrl, topic) {
      const client = opcua.OPCUAClient.create({ endpointMustExist: false });
      await client.connect(endpointUrl);
      const session = await client.createSession();
      try {
        node.send({ payload: await session.browse(topic) });
      } finally {
        await session.close();
      }
    }
    node.on('input', (msg) => browseOnce(config.endpoint, msg.topic));
  }
  RED.nodes.registerType('browse', BrowseNode);
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 7 }],
  },
];

for (const [label, tester] of [
  ['typed', typedRuleTester()],
  ['untyped', untypedRuleTester()],
] as const) {
  tester.run(`no-client-per-call owners (${label})`, rule, { valid, invalid });
}
