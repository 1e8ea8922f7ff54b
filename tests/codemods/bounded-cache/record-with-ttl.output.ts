// codemod-options: {"max":500,"ttl":60000}
import { LRUCache } from 'lru-cache';

interface Metric {
  value: number;
  at: number;
}

const metricCache: LRUCache<string, Metric> = new LRUCache<string, Metric>({ max: 500, ttl: 60000 });

export function observe(name: string, value: number): void {
  metricCache.set(name, { value, at: Date.now() });
}

export function latest(name: string): number | undefined {
  if (!metricCache.has(name)) return undefined;
  return metricCache.get(name)!.value;
}

export function known(name: string): boolean {
  return metricCache.has(name);
}

export function count(): number {
  return metricCache.size;
}
