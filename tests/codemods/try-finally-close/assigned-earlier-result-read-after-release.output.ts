import type { Pool, PoolClient } from 'pg';

export async function orderCount(pool: Pool, client?: PoolClient): Promise<number> {
  const own = client === undefined;
  if (client === undefined) {
    client = await pool.connect();
  }
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from orders');
    return rows[0].n;
  } finally {
    if (own) {
      client.release();
    }
  }
}
