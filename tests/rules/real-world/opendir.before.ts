// Reading the first entry of a directory: returning early leaves the Dir (and its fd) open.
import { opendir } from 'node:fs/promises';

export async function firstEntry(path: string): Promise<string | undefined> {
  const dir = await opendir(path);
  const entry = await dir.read();
  if (!entry) return undefined;
  await dir.close();
  return entry.name;
}
