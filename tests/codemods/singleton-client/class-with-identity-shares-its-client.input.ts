import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

// Each job has an id of its own; the pool its constructor opens is the same for every job.
export class Job {
  private readonly id = randomUUID();
  private readonly pool: Pool;

  constructor(private readonly name: string) {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL });
  }

  async run(): Promise<void> {
    await this.pool.query('INSERT INTO runs (id, name) VALUES ($1, $2)', [this.id, this.name]);
  }
}

export async function runJob(name: string): Promise<void> {
  const job = new Job(name);
  await job.run();
}
