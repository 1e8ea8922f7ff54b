// The node-postgres pool exhaustion classic: a failed query never returns the client to the pool.
import pg from 'pg';

const pool = new pg.Pool({ max: 10 });

export async function findUser(id: number) {
  const client = await pool.connect();
  const result = await client.query('select id, name from users where id = $1', [id]);
  client.release();
  return result.rows[0];
}
