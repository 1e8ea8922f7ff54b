// codemod-unchanged: `await using` already disposes the handle on every path
import { open } from 'node:fs/promises';

export async function checksumHeader(path: string): Promise<number> {
  await using fh = await open(path);
  const header = Buffer.alloc(16);
  await fh.read(header, 0, header.length, 0);
  return header.reduce((sum, byte) => (sum + byte) & 0xff, 0);
}
