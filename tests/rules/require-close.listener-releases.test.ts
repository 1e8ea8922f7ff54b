import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A handle the function releases itself, and also in a listener it registers on something else (an
 * abort subscription, a signal): the listener runs when its event comes, not when the function
 * throws, so the function is still the owner and its own paths must release. Listeners on the handle
 * itself, timers, promise continuations and Node-style callbacks keep their own judgements.
 */
const valid = [
  {
    name: 'released on abort and in the catch that rethrows: every path of the function releases',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql: string, abort: { subscribe(listener: () => void): void }) {
  const client = await pool.connect();
  try {
    abort.subscribe(() => client.release());
    const result = await client.query(sql);
    client.release();
    return result.rows;
  } catch (error) {
    console.error(new Date().toISOString(), 'query failed', error);
    client.release();
    throw error;
  }
}`,
  },
  {
    name: 'released only in a listener: the listener decides when it ends, as before',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function hold(signal: AbortSignal) {
  const client = await pool.connect();
  signal.addEventListener('abort', () => client.release());
  await client.query('listen jobs');
}`,
  },
  {
    name: 'a timer that releases it later ends it on every path: not a listener of another object',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function probe() {
  const client = await pool.connect();
  setTimeout(() => client.release(), 1000);
  await client.query('select 1');
  client.release();
}`,
  },
];

const invalid = [
  {
    name: 'released in an abort subscription and after the query: a failing query keeps it checked out',
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql: string, abort: { subscribe(listener: () => void): void }) {
  const client = await pool.connect();
  abort.subscribe(() => client.release());
  const result = await client.query(sql);
  client.release();
  return result.rows;
}`,
    errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 5 }],
  },
  {
    name: "released in a signal's abort listener and after the work: the work can throw first",
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export async function run(sql: string, signal: AbortSignal) {
  const client = await pool.connect();
  signal.addEventListener('abort', () => client.release(), { once: true });
  await client.query(sql);
  client.release();
}`,
    errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 5 }],
  },
];

typedRuleTester().run('require-close (releases in listeners of other objects, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (releases in listeners of other objects, untyped)', rule, { valid, invalid });
