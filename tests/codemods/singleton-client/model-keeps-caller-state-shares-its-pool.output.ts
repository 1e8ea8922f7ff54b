import { Pool } from 'pg';

let sharedPool: Pool | undefined;

function getSharedPool(): Pool {
  return (sharedPool ??= new Pool({ connectionString: process.env.DATABASE_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getSharedPool()` creates a new one. */
export async function closeSharedPool(): Promise<void> {
  const current = sharedPool;
  sharedPool = undefined;
  await current?.end();
}

class AccountModel {
  private readonly pool = getSharedPool();
  private userId: string | undefined;

  forUser(userId: string): this {
    this.userId = userId;
    return this;
  }

  async balance(): Promise<unknown> {
    const result = await this.pool.query('select balance from account where user_id = $1', [this.userId]);
    return result.rows[0];
  }
}

export async function balanceOf(userId: string): Promise<unknown> {
  const model = new AccountModel();
  return model.forUser(userId).balance();
}
