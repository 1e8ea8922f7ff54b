// Compared with null or undefined, a read that may now be undefined needs no `!`; compared with a date, it does.
import { LRUCache } from 'lru-cache';

const fetchedAt: LRUCache<string, Date> = new LRUCache<string, Date>({ max: 1000 });

export function markFetched(key: string): void {
  fetchedAt.set(key, new Date());
}

export function isStale(key: string, before: Date): boolean {
  if (fetchedAt.get(key) === undefined) return true;
  return fetchedAt.get(key) !== null && fetchedAt.get(key)! <= before;
}
