// The loop stops at the first match: which entry it finds depends on the order, so no LRUCache.
/* leakguard-todo(bounded-cache): it is iterated (`Object.entries(owners)`): LRUCache iterates most-recently-used first, not in insertion order */
const owners: Record<string, string> = {};

export function claim(resource: string, owner: string): void {
  owners[resource] = owner;
}

export function firstOwnedBy(owner: string): string | undefined {
  for (const [resource, holder] of Object.entries(owners)) {
    if (holder === owner) return resource;
  }
  return undefined;
}
