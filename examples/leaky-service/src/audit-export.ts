import { Pool } from 'pg';

/**
 * LEAK (no-client-per-call): a pool, with its own connections, is created for every export request
 * and never ended — the per-message gRPC client incident, with PostgreSQL connections instead.
 */
export async function exportActor(actor: string): Promise<string> {
  const reporting = new Pool({ connectionString: process.env.REPORTING_DATABASE_URL, max: 2 });
  const { rows } = await reporting.query<{ action: string; at: Date }>(
    'select action, at from events where actor = $1 order by at',
    [actor],
  );
  return rows.map((row) => `${row.at.toISOString()},${row.action}`).join('\n');
}
