import { Pool } from 'pg';

/** Looks a user up by id. */
export async function findUser(id: number) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const result = await pool.query('select * from users where id = $1', [id]);
  return result.rows[0];
}
