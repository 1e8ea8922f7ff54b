import { Pool } from 'pg';

export interface ReportOptions {
  pool?: Pool;
  table: 'users' | 'orders';
}

export async function countRows(options: ReportOptions): Promise<unknown> {
  const connectionString = process.env.DATABASE_URL;
  const pool = options.pool ?? new Pool({ connectionString, max: 4 });
  const result = await pool.query(`select count(*) from ${options.table}`);
  return result.rows[0];
}
