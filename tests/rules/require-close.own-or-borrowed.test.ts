import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * An own-or-borrowed choice: `if (useCache) producer = cached(); else { producer = kafka.producer(); … }`
 * acquires in the `else` only, and `if (!useCache) await producer.disconnect()` is "if it was acquired
 * here". The borrowed branch's value is not this function's. A client whose own `connect()` fails has
 * nothing open to release, so connecting before the `try` is fine.
 */
const valid = [
  {
    name: 'acquired in the else branch, disconnected in a finally under the negated flag',
    code: `
import { Kafka, type Producer, type ProducerRecord } from 'kafkajs';
declare function cachedProducer(): Promise<Producer>;
export async function send(brokers: string[], records: ProducerRecord[], useCache: boolean): Promise<void> {
  let producer: Producer;
  if (useCache) {
    producer = await cachedProducer();
  } else {
    producer = new Kafka({ brokers }).producer();
    await producer.connect();
  }
  try {
    for (const record of records) await producer.send(record);
  } finally {
    if (!useCache) await producer.disconnect();
  }
}`,
  },
  {
    name: 'a one-shot producer connected before the try that disconnects it',
    code: `
import { Kafka, type ProducerRecord } from 'kafkajs';
export async function sendOnce(brokers: string[], record: ProducerRecord): Promise<void> {
  const producer = new Kafka({ brokers }).producer();
  await producer.connect();
  try {
    await producer.send(record);
  } finally {
    await producer.disconnect();
  }
}`,
  },
];

const invalid = [
  {
    name: 'acquired in the else branch, disconnected under the negated flag only after the sends',
    code: `
import { Kafka, type Producer, type ProducerRecord } from 'kafkajs';
declare function cachedProducer(): Promise<Producer>;
export async function send(brokers: string[], records: ProducerRecord[], useCache: boolean): Promise<void> {
  let producer: Producer;
  if (useCache) {
    producer = await cachedProducer();
  } else {
    producer = new Kafka({ brokers }).producer();
    await producer.connect();
  }
  for (const record of records) await producer.send(record);
  if (!useCache) await producer.disconnect();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 9,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { Kafka, type Producer, type ProducerRecord } from 'kafkajs';
declare function cachedProducer(): Promise<Producer>;
export async function send(brokers: string[], records: ProducerRecord[], useCache: boolean): Promise<void> {
  let producer: Producer;
  if (useCache) {
    producer = await cachedProducer();
  } else {
    producer = new Kafka({ brokers }).producer();
    await producer.connect();
  }
  try {
    for (const record of records) await producer.send(record);
  } finally {
    if (!useCache) await producer.disconnect();
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (own-or-borrowed choices, typed)', rule, { valid, invalid });
// Untyped, `new Kafka(config).producer()` is read through the receiver its constructor makes.
untypedRuleTester().run('require-close (own-or-borrowed choices, untyped)', rule, { valid, invalid });
