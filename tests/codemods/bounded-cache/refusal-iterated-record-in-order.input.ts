// The report lists hosts in the order they were first seen: an LRUCache would list the busiest first.
const lastSeen: Record<string, number> = {};

export function touch(host: string): void {
  lastSeen[host] = Date.now();
}

export function report(): string[] {
  const lines: string[] = [];
  for (const host of Object.keys(lastSeen)) lines.push(`${host} ${lastSeen[host]}`);
  return lines;
}
