import type { Pool, PoolClient } from 'pg';

export const $$pgClient = Symbol('postgraphile pgClient');

export interface PostGraphileContext {
  [$$pgClient]: PoolClient;
  pgRole: string | undefined;
}

export async function withPostGraphileContext<TResult>(
  options: { pgPool: Pool; pgRole?: string; localSettings: Array<[string, string]>; needTransaction: boolean },
  callback: (context: PostGraphileContext) => Promise<TResult>,
): Promise<TResult> {
  const { pgPool, pgRole, localSettings, needTransaction } = options;

  // Connect a new Postgres client
  const pgClient = await pgPool.connect();

  try {
    if (needTransaction) {
      await pgClient.query('begin');
      if (localSettings.length !== 0) {
        await pgClient.query(
          `select ${localSettings.map((_, index) => `set_config($${index * 2 + 1}, $${index * 2 + 2}, true)`).join(', ')}`,
          localSettings.flat(),
        );
      }
    }

    return await callback({
      [$$pgClient]: pgClient,
      pgRole,
    });
  } finally {
    // Cleanup our Postgres client by ending the transaction and releasing
    // the client back to the pool. Always do this even if the query fails.
    try {
      if (needTransaction) {
        await pgClient.query('commit');
      }
    } finally {
      pgClient.release();
    }
  }
}
