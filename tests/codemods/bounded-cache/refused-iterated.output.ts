/* leakguard-todo(bounded-cache): it is iterated (`for … of lastSeen`): LRUCache iterates most-recently-used first, not in insertion order */
const lastSeen = new Map<string, number>();

export function touch(host: string): void {
  lastSeen.set(host, Date.now());
}

export function report(): string[] {
  const lines: string[] = [];
  for (const [host, at] of lastSeen) lines.push(`${host} ${at}`);
  return lines;
}
