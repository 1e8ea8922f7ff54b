import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Constructor functions with prototype methods (the pre-class way of writing a class) and serverless
 * handlers: `this.x` in a prototype method is a field of a long-lived instance, a call on an instance
 * of a class of this file runs that class's method, and the exported `handler` (or a `GET` route
 * handler) runs per invocation.
 */
const valid = [
  {
    name: 'a prototype method that connects only when its slot is empty, called per invocation',
    code: `
const { Client } = require('pg');
function ServerlessClient(config) {
  this._client = null;
  this._config = config;
}
ServerlessClient.prototype.connect = async function () {
  if (this._client !== null) return;
  this._client = new Client(this._config);
  await this._client.connect();
};
const client = new ServerlessClient({ host: 'db' });
exports.handler = async (event) => {
  await client.connect();
  return event;
};`,
  },
  {
    name: 'a serverless handler that uses a pool created when the module loads',
    code: `
const { Pool } = require('pg');
const pool = new Pool();
exports.handler = async (event) => {
  const { rows } = await pool.query('select * from items where id = $1', [event.id]);
  return rows;
};`,
  },
  {
    name: 'a prototype method that replaces its client, called only from start-up code',
    code: `
const { Client } = require('pg');
function Store(config) {
  this.config = config;
}
Store.prototype.open = async function () {
  this.client = new Client(this.config);
  await this.client.connect();
};
async function main() {
  const store = new Store({ host: 'db' });
  await store.open();
}
main();`,
  },
  {
    name: 'an instance method assigned in the constructor function returns the client it keeps, made once',
    code: `
const { S3 } = require('@aws-sdk/client-s3');
function Storage(config) {
  const client = new S3({ region: config.region });
  this.client = function () {
    return client;
  };
  this.head = async function (key) {
    return this.client().headObject({ Bucket: config.bucket, Key: key });
  };
}
module.exports = { Storage };`,
  },
];

const invalid = [
  {
    name: 'a prototype method reached from a serverless handler that replaces its client on every invocation',
    code: `
const { Client } = require('pg');
function ServerlessClient(config) {
  this._config = config;
}
ServerlessClient.prototype._init = async function () {
  this._client = new Client(this._config);
  await this._client.connect();
};
ServerlessClient.prototype.connect = async function () {
  await this._init();
};
const client = new ServerlessClient({ host: 'db' });
exports.handler = async (event) => {
  await client.connect();
  return event;
};`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 7 }],
  },
  {
    name: 'a class instance of this file whose connect() replaces its client, called from a serverless handler',
    code: `
const { Client } = require('pg');
class Db {
  async connect() {
    this.client = new Client();
    await this.client.connect();
  }
}
const db = new Db();
exports.handler = async (event) => {
  await db.connect();
  return event;
};`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 5 }],
  },
  {
    name: 'a serverless handler that opens and closes a client on every invocation (connection churn)',
    code: `
const { Client } = require('pg');
exports.handler = async (event) => {
  const client = new Client();
  await client.connect();
  try {
    return (await client.query('select 1')).rows;
  } finally {
    await client.end();
  }
};`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4 }],
  },
  {
    name: 'a Next.js route handler that connects a MongoClient per request and closes it (connection churn)',
    code: `
import { MongoClient } from 'mongodb';
export async function GET(request: Request) {
  const client = new MongoClient(process.env.MONGODB_URI!);
  try {
    await client.connect();
    return Response.json(await client.db().collection('items').find().toArray());
  } finally {
    await client.close();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4 }],
  },
  {
    name: 'an instance method of a constructor function calls a sibling method that makes a new SDK client',
    code: `
const { S3 } = require('@aws-sdk/client-s3');
function Storage(config) {
  this.createClient = function (region) {
    return new S3({ region });
  };
  this.head = async function (key) {
    const client = this.createClient(config.region);
    const result = await client.headObject({ Bucket: config.bucket, Key: key });
    return result.ContentLength;
  };
}
module.exports = { Storage };`,
    errors: [{ messageId: 'neverClosed' as const, line: 8 }],
  },
];

for (const [label, tester] of [
  ['typed', typedRuleTester()],
  ['untyped', untypedRuleTester()],
] as const) {
  tester.run(`no-client-per-call prototypes and serverless handlers (${label})`, rule, { valid, invalid });
}
