import Redis from 'ioredis';

export async function readSetting(region: string, useTls: boolean, name: string): Promise<string | null> {
  const redis = useTls ? new Redis(`rediss://${region}.cache.internal:6380`, { tls: {} }) : new Redis(`redis://${region}.cache.internal:6379`);
  return redis.get(name);
}
