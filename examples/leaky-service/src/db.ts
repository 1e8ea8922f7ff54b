import { Pool, type PoolClient } from 'pg';

/** One pool for the process: created at start-up, ended on shutdown. */
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export interface AuditEvent {
  readonly actor: string;
  readonly action: string;
  readonly at: Date;
}

/**
 * LEAK (require-close: released only on success): one failing INSERT (a constraint, a dropped
 * connection) skips `release()`, leaving the client checked out inside an open transaction. After
 * ten such failures every request waits forever in `pool.connect()`.
 */
export async function recordEvents(events: readonly AuditEvent[]): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  for (const event of events) {
    await client.query('INSERT INTO audit_events (actor, action, at) VALUES ($1, $2, $3)', [
      event.actor,
      event.action,
      event.at,
    ]);
  }
  await client.query('COMMIT');
  client.release();
}

/** OK: rolled back on error and released in `finally` on every path. */
export async function withTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** OK: `pool.query` checks a client out and back in by itself. */
export async function countEvents(actor: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM audit_events WHERE actor = $1', [actor]);
  return Number(rows[0]?.count ?? 0);
}
