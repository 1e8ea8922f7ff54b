import { LRUCache } from 'lru-cache';

const hits: LRUCache<string, number> = new LRUCache<string, number>({ max: 1000 });

export function countHit(path: string): number {
  hits.set(path, (hits.get(path) ?? 0) + 1);
  return hits.get(path)!;
}
