import { open } from 'node:fs/promises';

export async function copyFile(from: string, to: string): Promise<void> {
  const source = await open(from, 'r');
  try {
    const target = await open(to, 'w');
    try {
      for await (const chunk of source.readableWebStream()) {
        await target.write(new Uint8Array(chunk as ArrayBuffer));
      }
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
