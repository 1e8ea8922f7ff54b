import { Injectable, Scope } from '@nestjs/common';
import Redis from 'ioredis';

let sharedRedis: InstanceType<typeof Redis> | undefined;

function getSharedRedis(): InstanceType<typeof Redis> {
  return (sharedRedis ??= new Redis(6379, 'sessions.internal'));
}

/** Closes the shared client on graceful shutdown; the next `getSharedRedis()` creates a new one. */
export async function closeSharedRedis(): Promise<void> {
  const current = sharedRedis;
  sharedRedis = undefined;
  await current?.quit();
}

// The container builds this provider for every request, and each instance made a client of its own:
// made from module-level values only, the field takes the one shared client instead.
@Injectable({ scope: Scope.REQUEST })
export class SessionStore {
  private readonly redis = getSharedRedis();

  async read(id: string): Promise<string | null> {
    return this.redis.get(`session:${id}`);
  }
}
