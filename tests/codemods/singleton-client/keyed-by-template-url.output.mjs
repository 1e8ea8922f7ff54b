import Redis from 'ioredis';

const redisByKey = new Map();

function getRedis(host, port) {
  const key = `redis://${host}:${port}/0`;
  let redis = redisByKey.get(key);
  if (!redis) {
    redis = new Redis(`redis://${host}:${port}/0`);
    redisByKey.set(key, redis);
  }
  return redis;
}

/** Closes the shared clients on graceful shutdown; the next `getRedis()` creates new ones. */
export async function closeRedisByKey() {
  const current = [...redisByKey.values()];
  redisByKey.clear();
  await Promise.all(current.map((redis) => redis.quit()));
}

export async function readCounter(host, port, name) {
  const redis = getRedis(host, port);
  return redis.get(name);
}
