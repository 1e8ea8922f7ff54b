import { Pool } from 'pg';

interface Tenant {
  readonly id: string;
  readonly dbHost: string;
}

export async function tenantRows(tenant: Tenant, sql: string): Promise<unknown[]> {
  const options = { host: tenant.dbHost, database: `tenant_${tenant.id}`, max: 5 };
  const pool = new Pool(options);
  const { rows } = await pool.query(sql);
  return rows;
}
