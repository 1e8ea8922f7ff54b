import { open } from 'node:fs/promises';

export async function concatenate(firstPath: string, secondPath: string): Promise<Buffer> {
  const first = await open(firstPath);
  const second = await open(secondPath);
  const head = await first.readFile();
  const rest = await second.readFile();
  await second.close();
  await first.close();
  return Buffer.concat([head, rest]);
}
