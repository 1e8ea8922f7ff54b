import { opendir } from 'node:fs/promises';

export async function firstEntry(path: string): Promise<string | undefined> {
  const dir = await opendir(path);
  try {
    const entry = await dir.read();
    return entry?.name;
  } finally {
    await dir.close();
  }
}
