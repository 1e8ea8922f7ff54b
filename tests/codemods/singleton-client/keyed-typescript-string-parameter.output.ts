import Redis from 'ioredis';

const redisByKey = new Map<string, InstanceType<typeof Redis>>();

function getRedis(redisUrl: string): InstanceType<typeof Redis> {
  const key = redisUrl;
  let redis = redisByKey.get(key);
  if (!redis) {
    redis = new Redis(redisUrl);
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

export async function readFlag(redisUrl: string, flag: string): Promise<string | null> {
  const redis = getRedis(redisUrl);
  return redis.get(`flag:${flag}`);
}
