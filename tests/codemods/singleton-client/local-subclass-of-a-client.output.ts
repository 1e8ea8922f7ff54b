import { Pool } from 'pg';

class ReportingPool extends Pool {
  constructor() {
    super({ max: 2 });
  }
}

let pool: ReportingPool | undefined;

function getPool(): ReportingPool {
  return (pool ??= new ReportingPool());
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

export async function report(pool = getPool()): Promise<number> {
  const result = await pool.query('select 1');
  return result.rowCount ?? 0;
}
