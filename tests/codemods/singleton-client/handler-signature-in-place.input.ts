import type { Request, Response } from 'express';
import Redis from 'ioredis';

// Exported for `router.get('/sessions/:id', showSession)` elsewhere: express calls it with
// (req, res, next), so a trailing parameter would receive `next` instead of the client.
export async function showSession(req: Request, res: Response): Promise<void> {
  const redis = new Redis({ host: '127.0.0.1', lazyConnect: true });
  res.json(await redis.get(`session:${String(req.params.id)}`));
}
