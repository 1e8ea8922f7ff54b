import * as grpc from '@grpc/grpc-js';
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'] }).consumer({ groupId: 'billing' });

export async function start(): Promise<void> {
  await consumer.connect();
  await consumer.run({
    eachMessage: async ({ message }) => {
      const client = new grpc.Client('billing:50051', grpc.credentials.createInsecure());
      client.getChannel();
      console.log(message.offset);
    },
  });
}
