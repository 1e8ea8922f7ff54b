import fs from 'node:fs';
import { once } from 'node:events';

export async function nextChange(dir: string, signal: AbortSignal): Promise<string> {
  const watcher = fs.watch(dir);
  try {
    const [, filename] = await once(watcher, 'change', { signal });
    return String(filename);
  } finally {
    watcher.close();
  }
}
