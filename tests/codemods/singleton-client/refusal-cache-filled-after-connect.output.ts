import { MongoClient } from 'mongodb';

const clients: Record<string, MongoClient> = {};

export async function clientFor(uri: string): Promise<MongoClient> {
  if (clients[uri]) return clients[uri];
  /* leakguard-todo(singleton-client): `clients` is filled only after the client has connected; store the pending promise there before the first `await` (and delete it if connecting fails) */
  const client = await MongoClient.connect(uri);
  clients[uri] = client;
  return client;
}
