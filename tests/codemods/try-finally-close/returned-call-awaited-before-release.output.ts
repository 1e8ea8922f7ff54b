// A call that uses the handle, returned from the new `try` of an async function, is awaited there:
// without `await`, the `finally` runs as soon as the promise is returned, before the work that uses
// the handle is done (a pool client goes back with its query running, an SFTP session ends mid-list;
// Node's FileHandle is the lenient case: its close() waits for its own pending reads).
import { open } from 'node:fs/promises';

export async function read(path: string): Promise<string> {
  const fh = await open(path);
  try {
    await fh.datasync();
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}

export async function readLater(path: string): Promise<string> {
  const fh = await open(path);
  try {
    return await fh.readFile('utf8').then((text) => text.trim());
  } finally {
    await fh.close();
  }
}
