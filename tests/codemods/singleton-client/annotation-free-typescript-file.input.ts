import { Pool } from 'pg';

export async function countOrders() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const result = await pool.query('select count(*) from orders');
  await pool.end();
  return result.rows[0];
}
