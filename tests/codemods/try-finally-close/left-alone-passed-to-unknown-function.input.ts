// codemod-unchanged: a function leakguard does not know may keep the handle (unknownCallsTakeOwnership)
import { open, type FileHandle } from 'node:fs/promises';

declare function registerUpload(id: string, file: FileHandle): void;

export async function startUpload(id: string, path: string): Promise<void> {
  const file = await open(path);
  registerUpload(id, file);
}
