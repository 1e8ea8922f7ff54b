import { createClient, type RedisClientType } from 'redis';

// `isOpen` turns true as node-redis starts connecting: the guarded connect runs once on a shared
// client, so the fallback can be shared as it is.
export function createCache(options: { client?: RedisClientType }) {
  const url = process.env.REDIS_URL;
  const client = options.client ?? createClient({ url });
  const ready = client.isOpen ? Promise.resolve() : client.connect();
  return {
    async get(key: string) {
      await ready;
      return client.get(key);
    },
  };
}
