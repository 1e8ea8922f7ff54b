import { open } from 'node:fs/promises';

export async function firstLine(path: string): Promise<string> {
  const fh = await open(path);
  try {
    const text = await fh.readFile('utf8');
    return text.split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await fh.close();
  }
}
