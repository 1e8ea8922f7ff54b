import Redis from 'ioredis';

export async function readCounter(host, port, name) {
  const redis = new Redis(`redis://${host}:${port}/0`);
  return redis.get(name);
}
