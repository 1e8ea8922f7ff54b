import { open } from 'node:fs/promises';

/** Sums the sizes of the non-empty files; empty ones are skipped before they are read. */
export async function totalSize(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const fh = await open(path);
    const { size } = await fh.stat();
    if (size === 0) continue;
    total += size;
    await fh.close();
  }
  return total;
}
