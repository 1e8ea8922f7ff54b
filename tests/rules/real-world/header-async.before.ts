// The promise flavour: the handle is closed before the "empty file" error, but a failing read skips the close.
import { promises as fsp } from 'node:fs';

export async function readHeader(file: string, max: number): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  const { size } = await handle.stat();
  if (size <= 0) {
    await handle.close();
    throw new Error(`empty file: ${file}`);
  }
  const header = Buffer.alloc(Math.min(size, max));
  await handle.read(header, 0, header.length, 0);
  await handle.close();
  return header;
}
