import { Pool } from 'pg';

let reportPool: Pool | undefined;

function getReportPool(): Pool {
  return (reportPool ??= new Pool({ connectionString: process.env.REPORTS_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getReportPool()` creates a new one. */
export async function closeReportPool(): Promise<void> {
  const current = reportPool;
  reportPool = undefined;
  await current?.end();
}

// Two pools of one class, for two purposes: each shared client keeps the name its author gave it.
export async function monthlyReport(month: string, reportPool = getReportPool()): Promise<unknown[]> {
  const result = await reportPool.query('select * from report where month = $1', [month]);
  return result.rows;
}

let auditPool: Pool | undefined;

function getAuditPool(): Pool {
  return (auditPool ??= new Pool({ connectionString: process.env.AUDIT_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getAuditPool()` creates a new one. */
export async function closeAuditPool(): Promise<void> {
  const current = auditPool;
  auditPool = undefined;
  await current?.end();
}

export async function recordVisit(path: string, auditPool = getAuditPool()): Promise<void> {
  await auditPool.query('insert into visit(path) values ($1)', [path]);
}
