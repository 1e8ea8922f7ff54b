import { createHash } from 'node:crypto';

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
const digests = new Map<string, string>();

export function digest(text: string): string {
  let hash = digests.get(text);
  if (hash === undefined) {
    hash = createHash('sha256').update(text).digest('hex');
    digests.set(text, hash);
  }
  recent.remember(text, hash);
  return hash;
}
