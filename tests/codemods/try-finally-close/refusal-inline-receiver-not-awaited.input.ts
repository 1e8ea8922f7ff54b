import { open } from 'node:fs/promises';

// The read is not awaited here: a `finally` would close the file before it is read.
export async function readHead(path: string): Promise<string> {
  return (await open(path)).readFile('utf8');
}
