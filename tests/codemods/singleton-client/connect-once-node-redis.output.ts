import express from 'express';
import { createClient } from 'redis';

const app = express();

let client: Promise<ReturnType<typeof createClient>> | undefined;

function getClient(): Promise<ReturnType<typeof createClient>> {
  return (client ??= (async () => {
    const client = createClient({ url: 'redis://127.0.0.1:6379' });
    client.on('error', (error) => console.error('redis', error));
    await client.connect();
    return client;
  })().catch((error: unknown) => {
    client = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export async function closeClient(): Promise<void> {
  const current = client;
  client = undefined;
  await (await current)?.close();
}

// node-redis rejects a second connect() ("Socket already opened"): the shared client is made, given
// its error listener and connected once, in the getter; every request awaits the connected client.
app.get('/count', async (req, res) => {
  const client = await getClient();
  const count = await client.incr('hits');
  res.json({ count });
});
