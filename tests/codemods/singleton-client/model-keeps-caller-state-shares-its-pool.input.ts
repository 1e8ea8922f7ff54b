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
  const model = new AccountModel();
  return model.forUser(userId).balance();
}
