import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

let client: grpc.Client | undefined;

function getClient(): grpc.Client {
  return (client ??= new grpc.Client('billing:50051', grpc.credentials.createInsecure()));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export function closeClient(): void {
  client?.close();
  client = undefined;
}

export async function start(): Promise<void> {
  await consumer.connect();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const client = getClient();
      client.getChannel();
      console.log(message.offset);
    },
  });
}
