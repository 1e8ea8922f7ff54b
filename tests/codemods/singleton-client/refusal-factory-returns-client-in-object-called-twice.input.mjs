import express from 'express';
import { MongoClient } from 'mongodb';

const app = express();

async function openUsers(mongoUrl) {
  const client = new MongoClient(mongoUrl);
  await client.connect();
  return { client, users: client.db().collection('users') };
}

app.get('/users/:name', async (req, res) => {
  const { users, client } = await openUsers(process.env.MONGO_URL);
  try {
    res.json(await users.findOne({ name: req.params.name }));
  } finally {
    await client.close();
  }
});

export async function countUsers() {
  const { users, client } = await openUsers(process.env.MONGO_URL);
  const count = await users.countDocuments();
  await client.close();
  return count;
}

export default app;
