// codemod-options: {"ruleOptions":{"unknownCallsTakeOwnership":false}}
import { open, type FileHandle } from 'node:fs/promises';

/** Reads the whole file through the handle; never closes it. */
declare function sha256(file: FileHandle): Promise<string>;

export async function verifyDownload(path: string, expectedDigest: string): Promise<boolean> {
  const file = await open(path);
  try {
    const digest = await sha256(file);
    return digest === expectedDigest;
  } finally {
    await file.close();
  }
}
