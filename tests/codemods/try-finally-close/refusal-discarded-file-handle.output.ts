import { open } from 'node:fs/promises';

export async function fileSize(path: string): Promise<number> {
  /* leakguard-todo(try-finally-close): the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first */
  const { size } = await (await open(path)).stat();
  return size;
}
