import { Pool } from 'pg';

let pool: Pool | undefined;

function getPool(): Pool {
  return (pool ??= new Pool());
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

export async function countUsers(pool = getPool()): Promise<unknown> {
  return (await pool.query('select count(*) from users')).rows[0];
}

export async function countOrders(pool = getPool()): Promise<unknown> {
  return (await pool.query('select count(*) from orders')).rows[0];
}
