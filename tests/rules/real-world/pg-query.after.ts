import pg from 'pg';

const pool = new pg.Pool({ max: 10 });

export async function findUser(id: number) {
  const client = await pool.connect();
  try {
    const result = await client.query('select id, name from users where id = $1', [id]);
    return result.rows[0];
  } finally {
    client.release();
  }
}
