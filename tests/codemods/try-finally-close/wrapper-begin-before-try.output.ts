// codemod-typed-only: the wrapped client is a pg PoolClient, known from pg's types
import type { Pool, PoolClient } from 'pg';

class Session {
  constructor(readonly client: PoolClient) {}

  run(sql: string) {
    return this.client.query(sql);
  }
}

export async function inTransaction(pool: Pool, work: (session: Session) => Promise<void>): Promise<void> {
  const session = new Session(await pool.connect());
  try {
    await session.run('begin');
    await work(session);
    await session.run('commit');
  } finally {
    session.client.release();
  }
}
