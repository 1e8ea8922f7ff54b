let cache: Map<string, number>;

export function remember(key: string, value: number): number | undefined {
  cache ??= new Map();
  cache.set(key, value);
  return cache.get(key);
}
