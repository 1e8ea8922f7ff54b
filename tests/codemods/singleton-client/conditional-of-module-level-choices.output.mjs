import Redis from 'ioredis';

const { REDIS_TLS_URL, REDIS_URL } = process.env;

let redis;

function getRedis() {
  return (redis ??= REDIS_TLS_URL ? new Redis(REDIS_TLS_URL, { tls: {} }) : new Redis(REDIS_URL));
}

/** Closes the shared client on graceful shutdown; the next `getRedis()` creates a new one. */
export async function closeRedis() {
  const current = redis;
  redis = undefined;
  await current?.quit();
}

// Which client is made depends on module-level configuration only: the whole choice moves into the
// getter, and both branches' sites are fixed by it.
export async function remember(key, value, redis = getRedis()) {
  await redis.set(key, value);
}
