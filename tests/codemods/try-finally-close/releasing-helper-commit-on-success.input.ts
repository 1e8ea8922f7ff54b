import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function finish(client: PoolClient) {
  await client.query('COMMIT');
  client.release();
}
export async function commit() {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
  } catch (error) {
    client.release();
    throw error;
  }
  await finish(client);
}