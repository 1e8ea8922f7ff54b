// The client's only release is alone in an inner `finally`, reached only when the queue was made:
// it moves to a new outer `finally`, and the inner `try` it leaves empty goes.
import { createConnection, type Connection } from 'node:net';

declare function makeQueue(connection: Connection, name: string): { close(): Promise<void>; drain(): Promise<void> };

export async function withQueue<T>(name: string, fn: (queue: ReturnType<typeof makeQueue>) => Promise<T>): Promise<T> {
  const connection = createConnection({ port: 6379 });
  try {
    const queue = makeQueue(connection, name);
    try {
      return await fn(queue);
    } finally {
      await queue.drain();
    }
  } finally {
    connection.destroy();
  }
}
