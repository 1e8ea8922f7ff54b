import { Router } from 'express';

export const health = Router().get('/', async (_req, res) => {
  const { default: Redis } = await import('ioredis');
  /* leakguard-todo(singleton-client): its arguments use `Redis`, computed per call by `await import('ioredis')`: one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  res.end(await redis.ping());
});
