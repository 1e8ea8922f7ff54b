import { Pool } from 'pg';

// Two pools of one class, for two purposes: each shared client keeps the name its author gave it.
export async function monthlyReport(month: string): Promise<unknown[]> {
  const reportPool = new Pool({ connectionString: process.env.REPORTS_URL });
  const result = await reportPool.query('select * from report where month = $1', [month]);
  return result.rows;
}

export async function recordVisit(path: string): Promise<void> {
  const auditPool = new Pool({ connectionString: process.env.AUDIT_URL });
  await auditPool.query('insert into visit(path) values ($1)', [path]);
}
