import type { NextFunction, Request, Response } from 'express';
import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';

const limitersByTier = new Map<string, RateLimiterAbstract>();

async function limiterFor(tier: string): Promise<RateLimiterAbstract> {
  if (limitersByTier.has(tier)) return limitersByTier.get(tier)!;
  const store = createClient({ url: process.env.REDIS_URL });
  await store.connect();
  return new RateLimiterRedis({ storeClient: store, useRedisPackage: true, keyPrefix: tier, points: 100, duration: 60 });
}

export async function limitRequests(req: Request, res: Response, next: NextFunction): Promise<void> {
  const limiter = await limiterFor(String(req.headers['x-tier'] ?? 'free'));
  try {
    await limiter.consume(req.ip ?? 'unknown');
    next();
  } catch {
    res.status(429).end();
  }
}
