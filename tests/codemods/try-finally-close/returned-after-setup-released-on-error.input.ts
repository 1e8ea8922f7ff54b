// The caller owns the handle once it is returned; until then a failing chmod must not leave it open.
import { open, type FileHandle } from 'node:fs/promises';

export async function openLog(path: string): Promise<FileHandle> {
  const log = await open(path, 'a');
  await log.chmod(0o640);
  return log;
}
