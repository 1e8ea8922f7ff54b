import express from 'express';
import { createClient } from 'redis';

const app = express();

// The listener is added after the connect, on every request: on one shared client it would pile up.
app.get('/count', async (req, res) => {
  /* leakguard-todo(singleton-client): it connects the client on every call (`client.connect()`), and a shared client rejects a second connect (it adds a listener to the client on every call (`client.on('error', (error) => console.error('redis', req.path, error));`)): connect it once where it is created (a promise of the connected client) or pass a connected client in */
  const client = createClient({ url: 'redis://127.0.0.1:6379' });
  await client.connect();
  client.on('error', (error) => console.error('redis', req.path, error));
  const count = await client.incr('hits');
  await client.quit();
  res.json({ count });
});
