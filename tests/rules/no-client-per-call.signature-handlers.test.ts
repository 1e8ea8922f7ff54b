import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A controller written with the request signature, `(req, res[, next])` or `(request, h)`, runs once
 * per request wherever it is registered (often in another module): a client it makes is made per
 * request, dropped (a leak) or closed (churn). A slot it refills is closed per request when another handler of the chain closes
 * it; an `end()` of the API that closes only the current client does not make a refill safe.
 */
const valid = [
  {
    name: 'a slot filled by one middleware and closed by the next one per request',
    code: `
import pg from 'pg';
let client: pg.Client | undefined;
export const open = (req: { body: { url: string } }, res: unknown, next: () => void) => {
  client = new pg.Client(req.body.url);
  void client.connect().then(next);
};
export const finish = async (req: unknown, res: { end(body: string): void }) => {
  const result = await client!.query('select 1');
  await client!.end();
  res.end(JSON.stringify(result.rows));
};`,
  },
];

const invalid = [
  {
    name: 'a controller that closes its client still opens one per request: connection churn',
    code: `
import pg from 'pg';
export async function health(req: unknown, res: { end(body: string): void }) {
  const client = new pg.Client(process.env.DATABASE_URL);
  try {
    await client.connect();
    res.end('ok');
  } finally {
    await client.end();
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 4 }],
  },
  {
    name: 'an exported (req, res) controller makes a client per request and drops it',
    code: `
import pg from 'pg';
export async function listTables(req: unknown, res: { json(body: unknown): void }) {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  const result = await client.query('select tablename from pg_tables');
  res.json(result.rows);
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
  {
    name: 'a middleware on an exported object refills a module slot per request and nothing per request closes it',
    code: `
import pg from 'pg';
let client: pg.Client | undefined;
export const db = {
  getTables(req: { body: { url: string } }, res: unknown, next: () => void) {
    client = new pg.Client(req.body.url);
    void client.connect().then(next);
  },
  async stop() {
    await client?.end();
  },
};`,
    errors: [{ messageId: 'slotOverwritten' as const, line: 6 }],
  },
];

typedRuleTester().run('no-client-per-call (handlers by their signature, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (handlers by their signature, untyped)', rule, { valid, invalid });
