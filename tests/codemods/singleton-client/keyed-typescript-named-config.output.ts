import { MongoClient } from 'mongodb';

interface ShardConfig {
  readonly url: string;
  readonly database: string;
}

const clients = new Map<ShardConfig['url'], ReturnType<typeof MongoClient.connect>>();

function getClient(shard: ShardConfig): ReturnType<typeof MongoClient.connect> {
  const key = shard.url;
  let client = clients.get(key);
  if (!client) {
    client = MongoClient.connect(shard.url).catch((error: unknown) => {
      clients.delete(key);
      throw error;
    });
    clients.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
export async function closeClients(): Promise<void> {
  const current = [...clients.values()];
  clients.clear();
  await Promise.all(current.map(async (client) => (await client).close()));
}

export async function findOrder(shard: ShardConfig, id: string): Promise<unknown> {
  const client = await getClient(shard);
  return client.db(shard.database).collection('orders').findOne({ id });
}
