import { createClient } from 'redis';
import { RateLimiterRedis } from 'rate-limiter-flexible';

async function makeLimiter(points) {
  const store = createClient({ url: process.env.REDIS_URL });
  await store.connect();
  return new RateLimiterRedis({ storeClient: store, useRedisPackage: true, points, duration: 60 });
}

export async function limitRequests(req, res, next) {
  /* leakguard-todo(singleton-client): `makeLimiter` makes a new client inside the object it returns on every call; keep one (create it once, or cache it per key in `makeLimiter`) and return that (it looks no map up first with `if (map.has(key)) return map.get(key)`: which key tells its clients apart is for a person to choose) */
  const limiter = await makeLimiter(100);
  try {
    await limiter.consume(req.ip);
    next();
  } catch {
    res.status(429).end();
  }
}
