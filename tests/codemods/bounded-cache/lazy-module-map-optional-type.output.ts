let cache: Map<string, number> | undefined;

export function remember(key: string, value: number): void {
  cache ??= new Map();
  cache.set(key, value);
  if (cache.size > 1000) cache.delete(cache.keys().next().value!);
}
