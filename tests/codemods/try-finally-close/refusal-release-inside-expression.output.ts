import { open } from 'node:fs/promises';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

export async function isPng(path: string): Promise<boolean> {
  /* leakguard-todo(try-finally-close): it is released inside an expression (`fh.close()`); move that release into a statement of its own */
  const fh = await open(path);
  const head = Buffer.alloc(PNG_SIGNATURE.length);
  await fh.read(head, 0, head.length, 0);
  const png = head.equals(PNG_SIGNATURE);
  return png && (await fh.close(), true);
}
