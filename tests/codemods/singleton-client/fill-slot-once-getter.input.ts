import { Redis } from 'ioredis';

// A getter named for a singleton that fills its slot on every call (blurts-server).
let singleton: Redis;
export const redisClient = (): Redis => {
  singleton = new Redis({ lazyConnect: true, maxRetriesPerRequest: 0 });
  singleton.on('error', (error: unknown) => console.error('redis', error));
  return singleton;
};

export async function getAllBreaches(): Promise<string[]> {
  const client = redisClient();
  return JSON.parse((await client.get('breaches')) ?? '[]') as string[];
}
