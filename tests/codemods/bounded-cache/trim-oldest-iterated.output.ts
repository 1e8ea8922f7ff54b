// Iterated in insertion order, which an LRUCache would not keep: it stays a Map and drops its oldest entry past the cap.
const lastSeen = new Map<string, number>();

export function touch(host: string): void {
  lastSeen.set(host, Date.now());
  if (lastSeen.size > 1000) lastSeen.delete(lastSeen.keys().next().value!);
}

export function report(): string[] {
  const lines: string[] = [];
  for (const [host, at] of lastSeen) lines.push(`${host} ${at}`);
  return lines;
}
