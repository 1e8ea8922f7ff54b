import { open } from 'node:fs/promises';

// The read is not awaited here: a `finally` would close the file before it is read.
export async function readHead(path: string): Promise<string> {
  /* leakguard-todo(try-finally-close): it is opened inline as the receiver of `.readFile()`, which is not awaited here, so a `finally` would release it before that call is done; keep it in a `const`, `await` the call in a `try`, and release it in the `finally` */
  return (await open(path)).readFile('utf8');
}
