import express from 'express';
import { MongoClient } from 'mongodb';
import { callbackify } from 'node:util';

const MONGO_URL = process.env.MONGO_URL;
const app = express();

let client;

function getClient() {
  return (client ??= MongoClient.connect(MONGO_URL).catch((error) => {
    client = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export async function closeClient() {
  const current = client;
  client = undefined;
  await (await current)?.close();
}

// Connected and closed on every request, in the callback form: the client is shared, the close goes,
// and `callbackify` hands the shared client to the same callback.
app.get('/health/mongo', (req, res) => {
  callbackify(() => getClient())((err, client) => {
    if (err) return res.status(503).end();
    res.json({ topology: client.options.hosts.length });
  });
});
