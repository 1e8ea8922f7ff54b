import { Pool } from 'pg';

interface Tenant {
  host: string;
  database: string;
}

const pools = new Map<string, Pool>();

function getPool(host: Tenant['host'], database: Tenant['database']): Pool {
  const key = JSON.stringify([host, database]);
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool({ host, database });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes the shared clients on graceful shutdown; the next `getPool()` creates new ones. */
export async function closePools(): Promise<void> {
  const current = [...pools.values()];
  pools.clear();
  await Promise.all(current.map((pool) => pool.end()));
}

// One pool per tenant database, made again on every count.
export async function count({ host, database }: Tenant, table: string): Promise<unknown> {
  const pool = getPool(host, database);
  const result = await pool.query(`SELECT count(*) FROM ${table}`);
  return result.rows[0];
}
