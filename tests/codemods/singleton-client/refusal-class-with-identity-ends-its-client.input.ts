import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

// Each job has an id of its own and ends the pool it opened: shared, one job's close would end them all.
export class Job {
  private readonly id = randomUUID();
  private readonly pool: Pool;

  constructor(private readonly name: string) {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }

  async run(): Promise<void> {
    await this.pool.query('INSERT INTO runs (id, name) VALUES ($1, $2)', [this.id, this.name]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export async function runJob(name: string): Promise<void> {
  const job = new Job(name);
  await job.run();
}
