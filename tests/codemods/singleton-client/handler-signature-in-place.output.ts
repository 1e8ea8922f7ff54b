import type { Request, Response } from 'express';
import Redis from 'ioredis';

let redis: InstanceType<typeof Redis> | undefined;

function getRedis(): InstanceType<typeof Redis> {
  return (redis ??= new Redis({ host: '127.0.0.1', lazyConnect: true }));
}

/** Closes the shared client on graceful shutdown; the next `getRedis()` creates a new one. */
export async function closeRedis(): Promise<void> {
  const current = redis;
  redis = undefined;
  await current?.quit();
}

// Exported for `router.get('/sessions/:id', showSession)` elsewhere: express calls it with
// (req, res, next), so a trailing parameter would receive `next` instead of the client.
export async function showSession(req: Request, res: Response): Promise<void> {
  const redis = getRedis();
  res.json(await redis.get(`session:${String(req.params.id)}`));
}
