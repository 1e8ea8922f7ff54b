import { readFile } from 'node:fs/promises';

/**
 * Parsed templates by path.
 * @type {Map<string, { source: string, loadedAt: number }>}
 */
const templates = new Map();

export async function template(path) {
  let entry = templates.get(path);
  if (!entry) {
    entry = { source: await readFile(path, 'utf8'), loadedAt: Date.now() };
    templates.set(path, entry);
  }
  return entry.source;
}
