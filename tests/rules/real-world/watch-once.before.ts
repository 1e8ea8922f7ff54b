// Waiting for one change: an abort rejects `once` and the watcher keeps its inotify handle forever.
import fs from 'node:fs';
import { once } from 'node:events';

export async function nextChange(dir: string, signal: AbortSignal): Promise<string> {
  const watcher = fs.watch(dir);
  const [, filename] = await once(watcher, 'change', { signal });
  watcher.close();
  return String(filename);
}
