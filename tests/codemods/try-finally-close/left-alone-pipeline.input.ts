// codemod-unchanged: stream.pipeline owns its streams and destroys them on error
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export async function compress(from: string, to: string): Promise<void> {
  const input = createReadStream(from);
  const gzip = createGzip({ level: 6 });
  const output = createWriteStream(to);
  await pipeline(input, gzip, output);
}
