import { Pool } from 'pg';

class ReportingPool extends Pool {
  constructor() {
    super({ max: 2 });
  }
}

let reportingPool: ReportingPool | undefined;

function getReportingPool() {
  return (reportingPool ??= new ReportingPool());
}

/** Closes the shared client on graceful shutdown; the next `getReportingPool()` creates a new one. */
export async function closeReportingPool(): Promise<void> {
  const current = reportingPool;
  reportingPool = undefined;
  await current?.end();
}

export async function report(pool = getReportingPool()): Promise<number> {
  const result = await pool.query('select 1');
  return result.rowCount ?? 0;
}
