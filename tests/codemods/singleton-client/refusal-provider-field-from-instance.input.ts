import { Injectable, Scope } from '@nestjs/common';
import Redis from 'ioredis';

interface StoreOptions {
  readonly port: number;
}

// The client is made from the instance's own options, which may differ between instances.
@Injectable({ scope: Scope.TRANSIENT })
export class SessionStore {
  constructor(private readonly options: StoreOptions) {}

  private readonly redis = new Redis(this.options.port);

  async read(id: string): Promise<string | null> {
    return this.redis.get(`session:${id}`);
  }
}
