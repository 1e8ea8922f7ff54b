import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A client that connects before the function keeps it (in a cache, a field, a wrapper) belongs to
 * the function until then: when a call after `connect()` throws (a ping, a size query), the connected
 * client — its socket and its reconnect loop — is dropped unclosed, and the next call makes another.
 * (A failed `connect()` itself leaves nothing open to release: see judgeBinding.) Start-up code
 * runs once (a failure there stops the process), and a client closed on that path is released.
 */
const valid = [
  {
    name: 'a client closed when connecting fails, before it is kept',
    code: `
import { createClient } from 'redis';
const clients: Record<string, ReturnType<typeof createClient>> = {};
export async function clientFor(url: string) {
  if (!clients[url]) {
    const client = createClient({ url });
    try {
      await client.connect();
    } catch (error) {
      await client.disconnect();
      throw error;
    }
    clients[url] = client;
  }
  return clients[url];
}`,
  },
  {
    name: 'start-up code connects once: a failure there ends the process',
    code: `
import { createClient } from 'redis';
let client: ReturnType<typeof createClient> | undefined;
async function main() {
  const made = createClient({ url: process.env.REDIS_URL });
  await made.connect();
  client = made;
  await client.ping();
}
void main();`,
  },
  {
    name: 'only a log line and a store follow the connect before the client is returned',
    code: `
import { Kafka, type Producer } from 'kafkajs';
declare const kafka: Kafka;
declare function log(message: string): void;
const registry: Record<string, Producer> = {};
export async function getProducer(): Promise<Producer> {
  const producer = kafka.producer();
  await producer.connect();
  registry.current = producer;
  log('producer initialised');
  return producer;
}`,
  },
];

const invalid = [
  {
    name: 'a client wrapped and cached only once it has connected and answered: a failed ping drops it open',
    code: `
import { createClient } from 'redis';
class Store {
  constructor(readonly client: ReturnType<typeof createClient>) {}
}
const stores: Record<string, Store> = {};
export async function storeFor(url: string) {
  if (!stores[url]) {
    const client = createClient({ url });
    await client.connect();
    await client.ping();
    stores[url] = new Store(client);
  }
  return stores[url];
}`,
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: `
import { createClient } from 'redis';
class Store {
  constructor(readonly client: ReturnType<typeof createClient>) {}
}
const stores: Record<string, Store> = {};
export async function storeFor(url: string) {
  if (!stores[url]) {
    const client = createClient({ url });
    try {
      await client.connect();
      await client.ping();
      stores[url] = new Store(client);
    } catch (error) {
      client.destroy();
      throw error;
    }
  }
  return stores[url];
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (clients connected before they are kept, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (clients connected before they are kept, untyped)', rule, { valid, invalid });
