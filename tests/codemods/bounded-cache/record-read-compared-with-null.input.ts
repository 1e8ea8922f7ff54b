// Compared with null or undefined, a read that may now be undefined needs no `!`; compared with a date, it does.
const fetchedAt: Record<string, Date> = {};

export function markFetched(key: string): void {
  fetchedAt[key] = new Date();
}

export function isStale(key: string, before: Date): boolean {
  if (fetchedAt[key] === undefined) return true;
  return fetchedAt[key] !== null && fetchedAt[key] <= before;
}
