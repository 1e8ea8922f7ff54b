import { MongoClient } from 'mongodb';

const clients: Record<string, MongoClient> = {};

const clientByKey = new Map<string, ReturnType<typeof MongoClient.connect>>();

function getClient(uri: string): ReturnType<typeof MongoClient.connect> {
  const key = uri;
  let client = clientByKey.get(key);
  if (!client) {
    client = MongoClient.connect(uri).catch((error: unknown) => {
      clientByKey.delete(key);
      throw error;
    });
    clientByKey.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
export async function closeClientByKey(): Promise<void> {
  const current = [...clientByKey.values()];
  clientByKey.clear();
  await Promise.all(current.map(async (client) => (await client).close()));
}

// Callers arriving while the first one connects find the cache empty and would each connect a client:
// the connect becomes the keyed getter's shared promise, so they all await the one client.
export async function clientFor(uri: string): Promise<MongoClient> {
  if (clients[uri]) return clients[uri];
  const client = await getClient(uri);
  clients[uri] = client;
  return client;
}
