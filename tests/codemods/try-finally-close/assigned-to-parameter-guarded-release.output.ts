import type { Pool, PoolClient } from 'pg';

export async function saveAll(pool: Pool, rows: readonly string[], client?: PoolClient): Promise<void> {
  const ownClient = client === undefined;
  if (client === undefined) {
    client = await pool.connect();
  }
  try {
    for (const row of rows) {
      await client.query('insert into items(name) values ($1)', [row]);
    }
  } finally {
    if (ownClient) {
      client.release();
    }
  }
}
