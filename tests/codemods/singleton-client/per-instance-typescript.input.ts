import { Pool } from 'pg';

interface StoreOptions {
  readonly url: string;
}

export class ReportStore {
  constructor(private readonly options: StoreOptions) {}

  async latest(limit: number): Promise<unknown[]> {
    const pool = new Pool({ connectionString: this.options.url, max: 4 });
    try {
      const { rows } = await pool.query('select * from reports order by created_at desc limit $1', [limit]);
      return rows;
    } finally {
      await pool.end();
    }
  }
}
