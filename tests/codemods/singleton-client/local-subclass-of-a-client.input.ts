import { Pool } from 'pg';

class ReportingPool extends Pool {
  constructor() {
    super({ max: 2 });
  }
}

export async function report(): Promise<number> {
  const pool = new ReportingPool();
  const result = await pool.query('select 1');
  return result.rowCount ?? 0;
}
