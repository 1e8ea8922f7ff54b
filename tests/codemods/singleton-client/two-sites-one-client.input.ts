import { Pool } from 'pg';

export async function countUsers(): Promise<unknown> {
  const pool = new Pool();
  return (await pool.query('select count(*) from users')).rows[0];
}

export async function countOrders(): Promise<unknown> {
  const pool = new Pool();
  return (await pool.query('select count(*) from orders')).rows[0];
}
