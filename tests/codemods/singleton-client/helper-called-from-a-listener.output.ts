import { Pool } from 'pg';

let pool: Pool | undefined;

function getPool(): Pool {
  return (pool ??= new Pool({ connectionString: process.env.DATABASE_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getPool()` creates a new one. */
export async function closePool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.end();
}

async function countUsers(pool = getPool()): Promise<unknown> {
  return await pool.query('select count(*) from users');
}

export function register(bot: { on(event: string, listener: () => void): void }): void {
  bot.on('message', async () => {
    await countUsers();
  });
}
