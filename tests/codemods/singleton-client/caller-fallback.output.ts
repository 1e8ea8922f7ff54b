import { Pool } from 'pg';

export interface ReportOptions {
  pool?: Pool;
  table: 'users' | 'orders';
}

let sharedPool: Pool | undefined;

function getSharedPool(): Pool {
  return (sharedPool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 4 }));
}

/** Closes the shared client on graceful shutdown; the next `getSharedPool()` creates a new one. */
export async function closeSharedPool(): Promise<void> {
  const current = sharedPool;
  sharedPool = undefined;
  await current?.end();
}

export async function countRows(options: ReportOptions): Promise<unknown> {
  const pool = options.pool ?? getSharedPool();
  const result = await pool.query(`select count(*) from ${options.table}`);
  return result.rows[0];
}
