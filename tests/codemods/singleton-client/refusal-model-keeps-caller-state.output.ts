import { Pool } from 'pg';

class AccountModel {
  private readonly pool = new Pool({ connectionString: process.env.DATABASE_URL });
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
  /* leakguard-todo(singleton-client): the class keeps per-caller state (`this.userId` in `forUser`): one shared instance would share it between callers; share the client it opens instead */
  const model = new AccountModel();
  return model.forUser(userId).balance();
}
