// Iterated, so no LRUCache; and the growth is part of an expression, so no trim can follow it.
const lastSeen = new Map<string, number>();

export function touch(host: string, at?: number): boolean {
  return at !== undefined && lastSeen.set(host, at).size > 0;
}

export function report(): string[] {
  return [...lastSeen.keys()];
}
