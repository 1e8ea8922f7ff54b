import { EventEmitter } from 'node:events';
import { Pool } from 'pg';

export interface AuditOptions {
  readonly connectionString: string;
}

export function recordAudits(events: EventEmitter, options: AuditOptions): void {
  events.on('audit', async (entry: { user: string; action: string }) => {
    const pool = new Pool({ connectionString: options.connectionString, max: 2 });
    await pool.query('insert into audit(user_name, action) values ($1, $2)', [entry.user, entry.action]);
  });
}
