import { Pool } from 'pg';

interface StoreOptions {
  readonly url: string;
}

export class ReportStore {
  private pool?: Pool;

  constructor(private readonly options: StoreOptions) {}

  async latest(limit: number): Promise<unknown[]> {
    const pool = (this.pool ??= new Pool({ connectionString: this.options.url, max: 4 }));
    const { rows } = await pool.query('select * from reports order by created_at desc limit $1', [limit]);
    return rows;
  }

  /** Closes this instance's client on graceful shutdown; the next use creates a new one. */
  async closePool(): Promise<void> {
    const current = this.pool;
    this.pool = undefined;
    await current?.end();
  }
}
