// The loop reads the map it walks: an LRUCache's `get` would reorder the entries under the walk, so
// the Map stays and drops its oldest entry past the cap.
const lastSeen = new Map<string, number>();

export function touch(host: string): void {
  lastSeen.set(host, Date.now());
  if (lastSeen.size > 1000) lastSeen.delete(lastSeen.keys().next().value!);
}

export function staleHosts(now: number, alarm: (host: string) => void): void {
  lastSeen.forEach((_, host) => {
    if (now - (lastSeen.get(host) ?? 0) > 30_000) alarm(host);
  });
}
