import express from 'express';
import { MongoClient } from 'mongodb';

const app = express();

const clients = new Map();

function getClient(settings) {
  const key = settings.mongoUrl;
  let client = clients.get(key);
  if (!client) {
    client = new MongoClient(settings.mongoUrl);
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

async function openUsers({ settings }) {
  const { dbName } = settings;
  const client = getClient(settings);
  await client.connect();
  return { client, users: client.db(dbName).collection('users') };
}

app.get('/users/:name', async (req, res) => {
  const { users } = await openUsers({ settings: req.app.locals.settings });
  res.json(await users.findOne({ name: req.params.name }));
});

export default app;
