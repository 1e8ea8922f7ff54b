import { Pool } from 'pg';

async function countUsers(): Promise<unknown> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    return await pool.query('select count(*) from users');
  } finally {
    await pool.end();
  }
}

export function register(bot: { on(event: string, listener: () => void): void }): void {
  bot.on('message', async () => {
    await countUsers();
  });
}
