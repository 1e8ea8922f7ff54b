// Iterated, so no LRUCache; and the growth is part of an expression, so no trim can follow it.
/* leakguard-todo(bounded-cache): it is iterated (`lastSeen.keys()`): LRUCache iterates most-recently-used first, not in insertion order; nor can a trim of the oldest entry follow each growth: `lastSeen.set(host, at)` is not a statement of its own in a block */
const lastSeen = new Map<string, number>();

export function touch(host: string, at?: number): boolean {
  return at !== undefined && lastSeen.set(host, at).size > 0;
}

export function report(): string[] {
  return [...lastSeen.keys()];
}
