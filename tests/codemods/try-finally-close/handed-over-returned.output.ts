import fs from 'node:fs';
import { request } from 'undici';

export async function download(url: string, dest: string) {
  const writer = fs.createWriteStream(dest);
  try {
    const { statusCode, body } = await request(url);
    if (statusCode !== 200) throw new Error(`status ${statusCode}`);
    body.pipe(writer);
  } catch (error) {
    writer.destroy();
    throw error;
  }
  return writer;
}
