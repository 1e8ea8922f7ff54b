import express from 'express';
import { Pool } from 'pg';

const app = express();

let pool: Pool | undefined;

function getPool(): Pool {
  return (pool ??= new Pool({ max: 2 }));
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

app.get('/users', async (req: express.Request, res: express.Response) => {
  const pool = getPool();
  const result = await pool.query('select * from users');
  res.json(result.rows);
});

app.listen(3000);
