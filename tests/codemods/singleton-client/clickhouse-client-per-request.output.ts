// A ClickHouse client made per request and closed only on success: churn, not a leak (its idle
// sockets close themselves). One shared client replaces it; the per-request close goes.
import express from 'express';
import { createClient } from '@clickhouse/client';
const app = express();

let client: ReturnType<typeof createClient> | undefined;

function getClient(): ReturnType<typeof createClient> {
  return (client ??= createClient({ url: String(process.env.CLICKHOUSE_URL) }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export async function closeClient(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.close();
}

app.get('/count', async (req, res) => {
  const client = getClient();
  const result = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
  res.json(await result.json());
});
export default app;
