import { open } from 'node:fs/promises';

export async function fileSize(path: string): Promise<number> {
  const { size } = await (await open(path)).stat();
  return size;
}
