// graphile/crystal (PostGraphile v4), withPostGraphileContext — https://github.com/graphile/crystal/pull/978
// "release pg-pool connection regardless of whether commit throws": the `finally` ran the COMMIT and
// then released the client, so a COMMIT that failed (serialisation error, dead connection) skipped
// the release and the pool ran dry. The client is lent to the GraphQL callback through the context
// object; the function releases it itself, so it stays the owner.
// (The original issues `begin` just before the `try`; here it is the first statement in it, so the
// pair isolates the fix.)
// Rule: leakguard/require-close
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
    if (needTransaction) {
      await pgClient.query('commit');
    }
    pgClient.release();
  }
}
