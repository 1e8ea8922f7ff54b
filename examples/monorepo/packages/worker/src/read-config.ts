import { open } from 'node:fs/promises';

export async function readConfig(path: string): Promise<unknown> {
  const file = await open(path, 'r');
  try {
    return JSON.parse(await file.readFile('utf8'));
  } finally {
    await file.close();
  }
}
