import { Pool } from 'pg';

export async function countRows(table: 'users' | 'orders', given?: Pool): Promise<unknown> {
  /* leakguard-todo(singleton-client): `pool.end()` closes the client the caller passed as well as the fallback; a shared fallback must stay open: close only a client this function made, by hand */
  const pool = given ?? new Pool({ max: 4 });
  const result = await pool.query(`select count(*) from ${table}`);
  await pool.end();
  return result.rows[0];
}
