import express from 'express';
import { MongoClient } from 'mongodb';

const app = express();

async function openUsers(mongoUrl) {
  const client = new MongoClient(mongoUrl);
  await client.connect();
  return { client, users: client.db().collection('users') };
}

app.get('/users/:name', async (req, res) => {
  /* leakguard-todo(singleton-client): `openUsers` makes a new client inside the object it returns on every call; keep one (create it once, or cache it per key in `openUsers`) and return that (`openUsers` is exported or called elsewhere too: other callers may close the client or expect a fresh one) */
  const { users, client } = await openUsers(process.env.MONGO_URL);
  try {
    res.json(await users.findOne({ name: req.params.name }));
  } finally {
    await client.close();
  }
});

export async function countUsers() {
  /* leakguard-todo(singleton-client): `openUsers` makes a new client inside the object it returns on every call; keep one (create it once, or cache it per key in `openUsers`) and return that (`openUsers` is exported or called elsewhere too: other callers may close the client or expect a fresh one) */
  const { users, client } = await openUsers(process.env.MONGO_URL);
  const count = await users.countDocuments();
  await client.close();
  return count;
}

export default app;
