import Redis from 'ioredis';

const redisByKey = new Map<string, InstanceType<typeof Redis>>();

function getRedis(useTls: boolean, region: string): InstanceType<typeof Redis> {
  const key = JSON.stringify([useTls, region]);
  let redis = redisByKey.get(key);
  if (!redis) {
    redis = useTls ? new Redis(`rediss://${region}.cache.internal:6380`, { tls: {} }) : new Redis(`redis://${region}.cache.internal:6379`);
    redisByKey.set(key, redis);
  }
  return redis;
}

/** Closes the shared clients on graceful shutdown; the next `getRedis()` creates new ones. */
export async function closeRedisByKey(): Promise<void> {
  const current = [...redisByKey.values()];
  redisByKey.clear();
  await Promise.all(current.map((redis) => redis.quit()));
}

export async function readSetting(region: string, useTls: boolean, name: string): Promise<string | null> {
  const redis = getRedis(useTls, region);
  return redis.get(name);
}
