import express from 'express';
import { MongoClient } from 'mongodb';

const app = express();

async function openUsers({ settings }) {
  const { mongoUrl, dbName } = settings;
  const client = new MongoClient(mongoUrl);
  await client.connect();
  return { client, users: client.db(dbName).collection('users') };
}

app.get('/users/:name', async (req, res) => {
  const { users, client } = await openUsers({ settings: req.app.locals.settings });
  try {
    res.json(await users.findOne({ name: req.params.name }));
  } finally {
    await client.close();
  }
});

export default app;
