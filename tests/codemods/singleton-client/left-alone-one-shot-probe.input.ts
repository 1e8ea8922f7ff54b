// codemod-unchanged: a probe that is not on a hot path and closes its client is fine
import { Pool } from 'pg';

export async function checkDatabase(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url });
  try {
    await pool.query('select 1');
  } finally {
    await pool.end();
  }
}
