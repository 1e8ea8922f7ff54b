import { MongoClient } from 'mongodb';

const clients = new Map();

function getClient(tenant) {
  const key = tenant.mongoUrl;
  let client = clients.get(key);
  if (!client) {
    client = MongoClient.connect(tenant.mongoUrl).catch((error) => {
      clients.delete(key);
      throw error;
    });
    clients.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
export async function closeClients() {
  const current = [...clients.values()];
  clients.clear();
  await Promise.all(current.map(async (client) => (await client).close()));
}

export async function countOrders(tenant) {
  const client = await getClient(tenant);
  return client.db(tenant.name).collection('orders').countDocuments();
}
