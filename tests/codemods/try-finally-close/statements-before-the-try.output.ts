import { open } from 'node:fs/promises';

export async function readHeader(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size === 0) throw new Error(`${path} is empty`);

    const { buffer, bytesRead } = await file.read({ length: Math.min(size, 64) });
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await file.close();
  }
}
