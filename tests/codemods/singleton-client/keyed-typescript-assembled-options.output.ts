import { Pool } from 'pg';

interface Tenant {
  readonly id: string;
  readonly dbHost: string;
}

const pools = new Map<string, Pool>();

function getPool(tenant: Tenant): Pool {
  const key = JSON.stringify([tenant.dbHost, tenant.id]);
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool({ host: tenant.dbHost, database: `tenant_${tenant.id}`, max: 5 });
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

export async function tenantRows(tenant: Tenant, sql: string): Promise<unknown[]> {
  const pool = getPool(tenant);
  const { rows } = await pool.query(sql);
  return rows;
}
