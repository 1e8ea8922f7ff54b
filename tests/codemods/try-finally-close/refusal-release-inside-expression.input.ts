import { open } from 'node:fs/promises';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

export async function isPng(path: string): Promise<boolean> {
  const fh = await open(path);
  const head = Buffer.alloc(PNG_SIGNATURE.length);
  await fh.read(head, 0, head.length, 0);
  const png = head.equals(PNG_SIGNATURE);
  return png && (await fh.close(), true);
}
