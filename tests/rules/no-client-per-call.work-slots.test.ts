import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A long-lived slot (a module variable, CommonJS included) filled by the function that also does the
 * work with the new client: that function is the per-operation code, so every call replaces the client
 * the previous call left there (issue 10, item 1). Set-up code (`init`, `start`, `connect`) that only
 * creates, connects and prepares the client is left alone, as is a slot checked first.
 */
const valid = [
  {
    name: 'an init function that makes, connects and prepares the module client once',
    code: `
const { Client } = require('pg');
let client;
async function init() {
  client = new Client();
  await client.connect();
  await client.query('CREATE TABLE IF NOT EXISTS events (id serial)');
}
async function record(name) {
  return client.query('INSERT INTO events (name) VALUES ($1)', [name]);
}
module.exports = { init, record };`,
  },
  {
    name: 'a per-operation function that makes the client only when the slot is empty',
    code: `
const { Client } = require('pg');
let client;
async function record(name) {
  if (!client) {
    client = new Client();
    await client.connect();
  }
  return client.query('INSERT INTO events (name) VALUES ($1)', [name]);
}
module.exports = { record };`,
  },
  {
    name: "a framework's configure hook that makes the extension's client and checks it works",
    code: `
import { S3Client, HeadBucketCommand } from '@aws-sdk/client-s3';
export class S3Storage {
  private client: S3Client | undefined;
  constructor(private readonly bucket: string) {}
  async onConfigure(): Promise<void> {
    this.client = new S3Client({ region: 'eu-west-1' });
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
  async onDestroy(): Promise<void> {
    this.client?.destroy();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a CommonJS module slot filled by the function that sends each message with the new producer',
    code: `
const { Kafka } = require('kafkajs');
let producer;
async function produceMessage(topic, value) {
  producer = new Kafka({ brokers: ['kafka:9092'] }).producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ value }] });
}
async function disconnect() {
  await producer.disconnect();
}
module.exports = { produceMessage, disconnect };`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 5 }],
  },
  {
    name: 'an ES module slot filled by the query function itself',
    code: `
import { Client } from 'pg';
let client: Client | undefined;
export async function countEvents() {
  client = new Client();
  await client.connect();
  const result = await client.query('SELECT count(*) FROM events');
  return result.rows[0];
}`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 5 }],
  },
];

typedRuleTester().run('no-client-per-call slots filled by per-operation code (typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call slots filled by per-operation code (untyped)', rule, { valid, invalid });
