// `CacheEntry<unknown>` is an object whatever its type argument: an LRUCache takes it (without types too).
import { LRUCache } from 'lru-cache';

interface CacheEntry<T> {
  data: T;
  expiry: number;
}

const resources = new LRUCache<string, CacheEntry<unknown>>({ max: 1000 });

export async function readResource(uri: string, load: (uri: string) => Promise<unknown>): Promise<unknown> {
  const hit = resources.get(uri);
  if (hit && hit.expiry > Date.now()) return hit.data;
  const data = await load(uri);
  resources.set(uri, { data, expiry: Date.now() + 300_000 });
  return data;
}
