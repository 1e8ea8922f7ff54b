import { open } from 'node:fs/promises';

// Closed only on the success path: leakguard/require-close reports it in this package's lint task.
export async function readConfig(path: string): Promise<unknown> {
  const file = await open(path, 'r');
  const text = await file.readFile('utf8');
  await file.close();
  return JSON.parse(text);
}
