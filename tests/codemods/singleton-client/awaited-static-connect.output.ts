import { MongoClient } from 'mongodb';

let client: ReturnType<typeof MongoClient.connect> | undefined;

function getClient(): ReturnType<typeof MongoClient.connect> {
  return (client ??= MongoClient.connect('mongodb://127.0.0.1:27017').catch((error: unknown) => {
    client = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export async function closeClient(): Promise<void> {
  const current = client;
  client = undefined;
  await (await current)?.close();
}

export async function addReminder(text: string): Promise<void> {
  const client = await getClient();
  await client.db('bot').collection('reminders').insertOne({ text });
}
