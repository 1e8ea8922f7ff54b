import Redis from 'ioredis';

const memory = new Map<string, string>();

// The choice reads a value of the call: one shared client cannot stand for the conditional.
export async function remember(cached: boolean, key: string, value: string): Promise<void> {
  /* leakguard-todo(singleton-client): the client is one branch of a conditional whose choice or arguments use `cached`, a value of this call; create each client once at module level (lazily, or one per key in a Map) and choose between them there, or close it when done */
  const store = cached ? new Redis(6379, 'cache.internal') : memory;
  await store.set(key, value);
}
