import { createHash } from 'node:crypto';
import { LRUCache as LRUCache2 } from 'lru-cache';

/** The project's own small cache, older than lru-cache in this codebase. */
class LRUCache {
  readonly #entries = new Map<string, string>();

  constructor(private readonly limit: number) {}

  remember(key: string, value: string): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

export const recent = new LRUCache(10);
const digests = new LRUCache2<string, string>({ max: 1000 });

export function digest(text: string): string {
  let hash = digests.get(text);
  if (hash === undefined) {
    hash = createHash('sha256').update(text).digest('hex');
    digests.set(text, hash);
  }
  recent.remember(text, hash);
  return hash;
}
