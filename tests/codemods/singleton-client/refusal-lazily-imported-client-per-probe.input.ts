import { Router } from 'express';

export const health = Router().get('/', async (_req, res) => {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  res.end(await redis.ping());
});
