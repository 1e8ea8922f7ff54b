'use strict';

const { LRUCache } = require('lru-cache');

function createRateLimiter({ windowMs, max }) {
  /** @type {LRUCache<any, any>} */
  const store = new LRUCache({ max: 1000 });
  return function rateLimiter(req, res, next) {
    const key = req.ip;
    const now = Date.now();
    const existing = store.get(key);
    const bucket = existing && existing.resetAt > now ? existing : { count: 0, resetAt: now + windowMs };
    bucket.count += 1;
    store.set(key, bucket);
    if (bucket.count > max) {
      res.status(429).end();
      return;
    }
    next();
  };
}

const apiLimiter = createRateLimiter({ windowMs: 60 * 1000, max: 120 });

module.exports = { apiLimiter };
