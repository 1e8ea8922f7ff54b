/**
 * LEAK (no-unbounded-cache): one entry per distinct path and actor, never evicted — the agent whose
 * `metricCache` grew from 100 MB to 2 GB in a week.
 */
const requestCounts = new Map<string, number>();

export function countRequest(path: string, actor: string): number {
  const key = `${actor} ${path}`;
  const count = (requestCounts.get(key) ?? 0) + 1;
  requestCounts.set(key, count);
  return count;
}

/** OK: the key type is finite, so the map cannot outgrow it. */
const statusCounts = new Map<'2xx' | '4xx' | '5xx', number>();

export function countStatus(status: number): void {
  const bucket = status >= 500 ? '5xx' : status >= 400 ? '4xx' : '2xx';
  statusCounts.set(bucket, (statusCounts.get(bucket) ?? 0) + 1);
}
