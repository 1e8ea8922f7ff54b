import noClientPerCall from '../../rules/no-client-per-call';
import requireClose from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * `@clickhouse/client` destroys sockets idle for `keep_alive.idle_socket_ttl` (2.5 s by default): a
 * client whose `close()` a throw skips leaves nothing open for long. `require-close` does not report
 * it; `no-client-per-call` still reports one made per request, as churn, not as a leak.
 */
const createDatabase = `
import { createClient } from '@clickhouse/client';
declare function settings(): { database: string };
export async function createDatabase(url: string): Promise<void> {
  const client = createClient({ url });
  const { database } = settings();
  await client.exec({ query: 'CREATE DATABASE IF NOT EXISTS ' + database });
  await client.close();
}`;

const perRequest = `
import express from 'express';
import { createClient } from '@clickhouse/client';
const app = express();
app.get('/count', async (req, res) => {
  const client = createClient({ url: String(process.env.CLICKHOUSE_URL) });
  const result = await client.query({ query: 'SELECT count() AS n FROM events', format: 'JSONEachRow' });
  res.json(await result.json());
  await client.close();
});
export default app;`;

for (const [mode, tester] of [['typed', typedRuleTester], ['untyped', untypedRuleTester]] as const) {
  tester().run(`require-close (clients that close idle connections, ${mode})`, requireClose, {
    valid: [{ name: 'a ClickHouse client closed only on success', code: createDatabase }],
    invalid: [],
  });
  tester().run(`no-client-per-call (clients that close idle connections, ${mode})`, noClientPerCall, {
    valid: [{ name: 'a ClickHouse client made once, at set-up, closed only on success', code: createDatabase }],
    invalid: [{ name: 'a ClickHouse client per request, closed only on success: churn', code: perRequest, errors: [{ messageId: 'closedPerCall' as const, line: 6 }] }],
  });
}
