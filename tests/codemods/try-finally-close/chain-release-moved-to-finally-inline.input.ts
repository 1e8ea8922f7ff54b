// A release written inside the chain's own callback, on the line of other code, moves to a
// `.finally()` at the chain's end: the statement goes with the blank after it.
import { open } from 'node:fs/promises';

export async function statOf(path: string) {
  const fh = await open(path);
  return fh.stat().then((stats) => { void fh.close(); return stats.size; });
}
