import type { LRUCache } from 'lru-cache';

export function describe(cache: LRUCache<string, number>): string {
  return `${cache.size} of ${cache.max}`;
}

const scores = new Map<string, number>();

export function score(player: string, points: number): number {
  const total = (scores.get(player) ?? 0) + points;
  scores.set(player, total);
  return total;
}
