import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A table of clients kept per key — one queue per shard, one pool per endpoint — is the per-key
 * singleton that singleton-client recommends: it holds as many clients as there are shards, endpoints
 * or configurations, not one per request. Judged only when requests or per-call ids make its keys.
 */
const valid = [
  {
    name: 'one BullMQ queue per shard index, made on a miss by a static accessor',
    code: `
import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
function shardOf(key: string, count: number): number {
  return createHash('md5').update(key).digest().readUInt32BE(0) % count;
}
export class IngestionQueue {
  private static instances = new Map<number, Queue | null>();
  static getInstance(shardingKey?: string): Queue | null {
    const shard = shardingKey ? shardOf(shardingKey, Number(process.env.SHARDS ?? 1)) : 0;
    if (IngestionQueue.instances.has(shard)) return IngestionQueue.instances.get(shard) ?? null;
    const queue = process.env.REDIS_URL ? new Queue(\`ingestion-\${shard}\`, { connection: { url: process.env.REDIS_URL } }) : null;
    IngestionQueue.instances.set(shard, queue);
    return queue;
  }
}`,
  },
  {
    name: 'one pg pool per database URL its callers name',
    code: `
import pg from 'pg';
const pools: Record<string, pg.Pool> = {};
export function poolFor(url: string): pg.Pool {
  pools[url] ??= new pg.Pool({ connectionString: url, max: 5 });
  return pools[url];
}`,
  },
];

const invalid = [
  {
    name: 'a pg pool per tenant named by a request header',
    code: `
import pg from 'pg';
import express from 'express';
const pools = new Map<string, pg.Pool>();
const app = express();
app.get('/report', async (req, res) => {
  const tenant = String(req.headers['x-tenant']);
  if (!pools.has(tenant)) pools.set(tenant, new pg.Pool({ database: tenant }));
  const { rows } = await pools.get(tenant)!.query('SELECT 1');
  res.json(rows);
});
app.listen(0);`,
    errors: [{ messageId: 'unboundedCache' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (tables of clients, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (tables of clients, untyped)', rule, { valid, invalid });
