import { MongoClient } from 'mongodb';

const clients: Record<string, MongoClient> = {};

export async function clientFor(uri: string): Promise<MongoClient> {
  if (clients[uri]) return clients[uri];
  const client = await MongoClient.connect(uri);
  clients[uri] = client;
  return client;
}
