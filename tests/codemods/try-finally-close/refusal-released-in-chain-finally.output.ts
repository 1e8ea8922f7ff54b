import { open } from 'node:fs/promises';

export async function read(path: string): Promise<string> {
  /* leakguard-todo(try-finally-close): it is released in a `.finally()` of a promise chain that some paths never reach; wrap everything from the acquisition in `try`/`finally` and drop the chain's release, or start the chain right after the acquisition */
  const fh = await open(path);
  const stat = await fh.stat();
  if (stat.size === 0) return '';
  return fh.readFile('utf8').finally(() => fh.close());
}
