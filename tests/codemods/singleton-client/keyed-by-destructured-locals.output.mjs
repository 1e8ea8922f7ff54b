import { MongoClient } from 'mongodb';

const clients = new Map();

function getClient(connection) {
  const key = JSON.stringify([connection.databaseUri, connection.options]);
  let client = clients.get(key);
  if (!client) {
    client = new MongoClient(connection.databaseUri, connection.options);
    clients.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
export async function closeClients() {
  const current = [...clients.values()];
  clients.clear();
  await Promise.all(current.map((client) => client.close()));
}

async function MongoDBFind({ request, connection }) {
  const { query, options } = request;
  const { databaseName, collection } = connection;
  const client = getClient(connection);
  await client.connect();
  let result;
  try {
    result = await client.db(databaseName).collection(collection).find(query, options).toArray();
  } catch (error) {
    throw error;
  }
  return result;
}

export default MongoDBFind;
