import { readFile } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';

/**
 * Parsed templates by path.
 * @type {LRUCache<string, { source: string, loadedAt: number }>}
 */
const templates = new LRUCache({ max: 1000 });

export async function template(path) {
  let entry = templates.get(path);
  if (!entry) {
    entry = { source: await readFile(path, 'utf8'), loadedAt: Date.now() };
    templates.set(path, entry);
  }
  return entry.source;
}
