import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

async function makeLimiter(points) {
  const store = createClient({ url: process.env.REDIS_URL });
  await store.connect();
  return new RateLimiterRedis({ storeClient: store, useRedisPackage: true, points, duration: 60 });
}

export async function limitRequests(req, res, next) {
  const limiter = await makeLimiter(100);
  try {
    await limiter.consume(req.ip);
    next();
  } catch {
    res.status(429).end();
  }
}
