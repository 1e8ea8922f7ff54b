import Redis from 'ioredis';

const memory = new Map<string, string>();

// The choice reads a value of the call: one shared client cannot stand for the conditional.
export async function remember(cached: boolean, key: string, value: string): Promise<void> {
  const store = cached ? new Redis(6379, 'cache.internal') : memory;
  await store.set(key, value);
}
