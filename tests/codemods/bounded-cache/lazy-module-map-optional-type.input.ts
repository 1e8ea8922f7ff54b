let cache: Map<string, number> | undefined;

export function remember(key: string, value: number): void {
  cache ??= new Map();
  cache.set(key, value);
}
