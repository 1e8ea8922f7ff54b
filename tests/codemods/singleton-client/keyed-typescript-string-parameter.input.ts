import Redis from 'ioredis';

export async function readFlag(redisUrl: string, flag: string): Promise<string | null> {
  const redis = new Redis(redisUrl);
  return redis.get(`flag:${flag}`);
}
