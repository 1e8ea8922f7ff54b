import { Pool, type PoolConfig } from 'pg';

interface StoreOptions {
  readonly host: string;
  readonly database: string;
  readonly password?: string;
}

export class ReportStore {
  constructor(private readonly options: StoreOptions) {}

  private getPool() {
    const config: PoolConfig = { host: this.options.host, database: this.options.database, max: 4 };
    if (this.options.password) config.password = this.options.password;
    return new Pool(config);
  }

  async latest(limit: number): Promise<unknown[]> {
    const { rows } = await this.getPool().query('select * from reports order by created_at desc limit $1', [limit]);
    return rows;
  }

  async count(): Promise<number> {
    const { rows } = await this.getPool().query('select count(*)::int as n from reports');
    return rows[0].n;
  }
}
