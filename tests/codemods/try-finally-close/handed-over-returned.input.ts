import fs from 'node:fs';
import { request } from 'undici';

export async function download(url: string, dest: string) {
  const writer = fs.createWriteStream(dest);
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) throw new Error(`status ${statusCode}`);
  body.pipe(writer);
  return writer;
}
