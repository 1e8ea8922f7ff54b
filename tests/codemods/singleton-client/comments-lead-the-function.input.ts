import { Pool } from 'pg';

// Reports: one query per request.

/**
 * Counts the users of a tenant.
 * The doc comment stays with its function; the shared client goes above both.
 */
// (a line comment between the doc comment and the function)
export async function countUsers(tenant: string): Promise<number> {
  const pool = new Pool({ host: 'db.internal' });
  const result = await pool.query('select count(*) from users where tenant = $1', [tenant]);
  return Number(result.rows[0].count);
}
