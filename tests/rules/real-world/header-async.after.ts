import { promises as fsp } from 'node:fs';

export async function readHeader(file: string, max: number): Promise<Buffer> {
  const handle = await fsp.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= 0) throw new Error(`empty file: ${file}`);
    const header = Buffer.alloc(Math.min(size, max));
    await handle.read(header, 0, header.length, 0);
    return header;
  } finally {
    await handle.close();
  }
}
