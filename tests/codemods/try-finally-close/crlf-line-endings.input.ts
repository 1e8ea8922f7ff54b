import { open } from 'node:fs/promises';

export async function firstLine(path: string): Promise<string> {
  const fh = await open(path);
  const text = await fh.readFile('utf8');
  await fh.close();
  return text.split(/\r?\n/, 1)[0] ?? '';
}
