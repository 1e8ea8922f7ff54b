// codemod-options: {"style":"using"}
// codemod-typed-only: only the TypeScript checker knows FileHandle has [Symbol.asyncDispose]
import { open } from 'node:fs/promises';

export async function readConfig(path: string): Promise<unknown> {
  const fh = await open(path, 'r');
  const text = await fh.readFile('utf8');
  const config: unknown = JSON.parse(text);
  await fh.close();
  return config;
}
