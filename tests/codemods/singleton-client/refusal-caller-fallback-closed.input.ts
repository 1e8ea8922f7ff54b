import { Pool } from 'pg';

export async function countRows(table: 'users' | 'orders', given?: Pool): Promise<unknown> {
  const pool = given ?? new Pool({ max: 4 });
  const result = await pool.query(`select count(*) from ${table}`);
  await pool.end();
  return result.rows[0];
}
