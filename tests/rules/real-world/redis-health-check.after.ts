import type { Request, Response } from 'express';
import Redis from 'ioredis';

// The queue service's process-wide connection (services/queue-service.ts in firecrawl).
let redisConnection: Redis | undefined;
export function getRedisConnection(): Redis {
  return (redisConnection ??= new Redis(process.env.REDIS_URL!));
}

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
    const queueRedis = getRedisConnection();

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
