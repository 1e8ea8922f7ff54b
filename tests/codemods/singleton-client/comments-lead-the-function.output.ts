import { Pool } from 'pg';

// Reports: one query per request.

let pool: Pool | undefined;

function getPool(): Pool {
  return (pool ??= new Pool({ host: 'db.internal' }));
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

/**
 * Counts the users of a tenant.
 * The doc comment stays with its function; the shared client goes above both.
 */
// (a line comment between the doc comment and the function)
export async function countUsers(tenant: string, pool = getPool()): Promise<number> {
  const result = await pool.query('select count(*) from users where tenant = $1', [tenant]);
  return Number(result.rows[0].count);
}
