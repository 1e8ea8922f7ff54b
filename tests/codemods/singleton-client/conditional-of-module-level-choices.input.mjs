import Redis from 'ioredis';

const { REDIS_TLS_URL, REDIS_URL } = process.env;

// Which client is made depends on module-level configuration only: the whole choice moves into the
// getter, and both branches' sites are fixed by it.
export async function remember(key, value) {
  const redis = REDIS_TLS_URL ? new Redis(REDIS_TLS_URL, { tls: {} }) : new Redis(REDIS_URL);
  await redis.set(key, value);
}
