import { open } from 'node:fs/promises';

export async function checksum(path: string, record: (path: string, sum: number) => Promise<void>): Promise<number> {
  let sum = 0;
  const file = await open(path);
  try {
    const { size } = await file.stat();
    const { buffer, bytesRead } = await file.read(Buffer.alloc(Math.min(size, 4096)), 0, Math.min(size, 4096), 0);
    for (const byte of buffer.subarray(0, bytesRead)) sum = (sum + byte) % 65521;
    return sum;
  } finally {
    try {
      await record(path, sum);
    } finally {
      await file.close().catch(() => {});
    }
  }
}
