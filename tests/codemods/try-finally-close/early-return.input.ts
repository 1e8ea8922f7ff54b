import { open } from 'node:fs/promises';

const MAGIC = Buffer.from('%PDF-');

/** Reads the first bytes only: PDFs can be large. */
export async function isPdf(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  if (size < MAGIC.length) {
    return false;
  }
  const header = Buffer.alloc(MAGIC.length);
  await fh.read(header, 0, MAGIC.length, 0);
  await fh.close();
  return header.equals(MAGIC);
}
