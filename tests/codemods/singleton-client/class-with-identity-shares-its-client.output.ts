import { randomUUID } from 'node:crypto';
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

// Each job has an id of its own; the pool its constructor opens is the same for every job.
export class Job {
  private readonly id = randomUUID();
  private readonly pool: Pool;

  constructor(private readonly name: string) {
    this.pool = getSharedPool();
  }

  async run(): Promise<void> {
    await this.pool.query('INSERT INTO runs (id, name) VALUES ($1, $2)', [this.id, this.name]);
  }
}

export async function runJob(name: string): Promise<void> {
  const job = new Job(name);
  await job.run();
}
