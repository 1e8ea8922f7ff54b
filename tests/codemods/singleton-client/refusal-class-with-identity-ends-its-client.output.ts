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
  /* leakguard-todo(singleton-client): the class keeps per-caller state (`id`, made anew for each instance): one shared instance would share it between callers; share the client it opens instead */
  const job = new Job(name);
  await job.run();
}
