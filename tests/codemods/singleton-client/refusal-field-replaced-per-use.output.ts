import { createClient, type RedisClientType } from 'redis';

export class RedisCacheService {
  private client!: RedisClientType;

  private setClient(): void {
    /* leakguard-todo(singleton-client): the client is stored in `this.client` and replaced on every call; create it once (in the constructor, at start-up, or lazily with `??=`) and reuse it */
    this.client = createClient({ url: process.env.REDIS_URL });
  }

  async getAll(key: string): Promise<Record<string, string> | undefined> {
    try {
      this.setClient();
      await this.client.connect();
      const values = await this.client.hGetAll(key);
      await this.client.quit();
      return values;
    } catch {
      return undefined;
    }
  }
}
