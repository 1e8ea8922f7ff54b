import { open } from 'node:fs/promises';

export async function read(path: string): Promise<string> {
  const fh = await open(path);
  const stat = await fh.stat();
  if (stat.size === 0) return '';
  return fh.readFile('utf8').finally(() => fh.close());
}
