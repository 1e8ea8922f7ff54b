// codemod-options: {"max":500,"ttl":60000}
interface Metric {
  value: number;
  at: number;
}

const metricCache: Record<string, Metric> = {};

export function observe(name: string, value: number): void {
  metricCache[name] = { value, at: Date.now() };
}

export function latest(name: string): number | undefined {
  if (!(name in metricCache)) return undefined;
  return metricCache[name].value;
}

export function known(name: string): boolean {
  return Object.hasOwn(metricCache, name);
}

export function count(): number {
  return Object.keys(metricCache).length;
}
