import { LRUCache } from 'lru-cache';

let cache: LRUCache<string, number>;

export function remember(key: string, value: number): number | undefined {
  cache ??= new LRUCache<string, number>({ max: 1000 });
  cache.set(key, value);
  return cache.get(key);
}
