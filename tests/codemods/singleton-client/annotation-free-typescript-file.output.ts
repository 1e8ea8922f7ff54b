import { Pool } from 'pg';

let pool: Pool | undefined;

function getPool(): Pool {
  return (pool ??= new Pool({ connectionString: process.env.DATABASE_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

export async function countOrders(pool = getPool()) {
  const result = await pool.query('select count(*) from orders');
  return result.rows[0];
}
