import express from 'express';
import { createClient } from 'redis';

const app = express();

// node-redis rejects a second connect() ("Socket already opened"): sharing this client as it is
// would break every request after the first.
app.get('/count', async (req, res) => {
  const client = createClient({ url: 'redis://127.0.0.1:6379' });
  await client.connect();
  const count = await client.incr('hits');
  await client.quit();
  res.json({ count });
});
