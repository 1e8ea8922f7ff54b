import { Pool } from 'pg';

interface Tenant {
  host: string;
  database: string;
}

// One pool per tenant database, made again on every count.
export async function count({ host, database }: Tenant, table: string): Promise<unknown> {
  const pool = new Pool({ host, database });
  const result = await pool.query(`SELECT count(*) FROM ${table}`);
  return result.rows[0];
}
