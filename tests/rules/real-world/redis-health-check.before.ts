// firecrawl/firecrawl, apps/api admin Redis health endpoint — https://github.com/firecrawl/firecrawl/pull/3671
// (issue https://github.com/firecrawl/firecrawl/issues/3662). Every probe of the health endpoint
// constructed `new Redis(REDIS_URL)` and never called quit()/disconnect(): the Redis server's client
// count climbed until `maxclients`, and dropped only when the API process restarted.
// Rule: leakguard/no-client-per-call
import type { Request, Response } from 'express';
import Redis from 'ioredis';

async function retryOperation<T>(operation: () => Promise<T>, retries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

export async function redisHealthController(_req: Request, res: Response) {
  try {
    const queueRedis = new Redis(process.env.REDIS_URL!);

    const testKey = 'test';
    const testValue = 'test';

    let queueRedisHealth: string | null;
    try {
      await retryOperation(() => queueRedis.set(testKey, testValue));
      queueRedisHealth = await retryOperation(() => queueRedis.get(testKey));
      await retryOperation(() => queueRedis.del(testKey));
    } catch (error) {
      console.error(`queueRedis health check failed: ${String(error)}`);
      queueRedisHealth = null;
    }

    const healthStatus = { queueRedis: queueRedisHealth === testValue ? 'healthy' : 'unhealthy' };
    if (healthStatus.queueRedis === 'healthy') {
      return res.status(200).json({ status: 'healthy', details: healthStatus });
    }
    return res.status(500).json({ status: 'unhealthy', details: healthStatus });
  } catch (error) {
    return res.status(500).json({ status: 'unhealthy', message: (error as Error).message });
  }
}
