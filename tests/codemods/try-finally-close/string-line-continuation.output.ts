import { open } from 'node:fs/promises';

export async function writeUsage(path: string): Promise<void> {
  const out = await open(path, 'w');
  try {
    await out.write('usage: migrate [options] <dir>\n\
  --dry   print the plan only\n\
  --to    stop at this version\n');
  } finally {
    await out.close();
  }
}
