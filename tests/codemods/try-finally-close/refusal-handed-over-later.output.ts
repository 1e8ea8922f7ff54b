import fs from 'node:fs';
import { request } from 'undici';

export async function download(url: string, dest: string) {
  /* leakguard-todo(try-finally-close): it is handed over later, so a `finally` would release it on success too; release it in a `catch` that rethrows, around the statements before the hand-off */
  const writer = fs.createWriteStream(dest);
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) throw new Error(`status ${statusCode}`);
  body.pipe(writer);
  return writer;
}
