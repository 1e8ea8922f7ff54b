import { createClient, type RedisClientType } from 'redis';

export class RedisCacheService {
  private client!: RedisClientType;

  private setClient(): void {
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
