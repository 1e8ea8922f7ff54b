// codemod-unchanged: the caller owns a handle that is returned to it
import { open, type FileHandle } from 'node:fs/promises';

export async function openLog(path: string): Promise<FileHandle> {
  const log = await open(path, 'a');
  await log.chmod(0o640);
  return log;
}
