import { createClient, type RedisClientType } from 'redis';

let client: ReturnType<typeof createClient> | undefined;

function getClient(): ReturnType<typeof createClient> {
  return (client ??= createClient({ url: process.env.REDIS_URL }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
export async function closeClient(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.close();
}

// `isOpen` turns true as node-redis starts connecting: the guarded connect runs once on a shared
// client, so the fallback can be shared as it is.
export function createCache(options: { client?: RedisClientType }) {
  const client = options.client ?? getClient();
  const ready = client.isOpen ? Promise.resolve() : client.connect();
  return {
    async get(key: string) {
      await ready;
      return client.get(key);
    },
  };
}
