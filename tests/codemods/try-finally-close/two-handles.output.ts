import { open } from 'node:fs/promises';

export async function concatenate(firstPath: string, secondPath: string): Promise<Buffer> {
  const first = await open(firstPath);
  try {
    const second = await open(secondPath);
    try {
      const head = await first.readFile();
      const rest = await second.readFile();
      return Buffer.concat([head, rest]);
    } finally {
      await second.close();
    }
  } finally {
    await first.close();
  }
}
