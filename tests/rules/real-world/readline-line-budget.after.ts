import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

async function destroyReadStream(stream: ReturnType<typeof createReadStream>): Promise<void> {
  if (stream.closed) return;
  await new Promise<void>((resolve) => {
    stream.once('close', resolve);
    stream.destroy();
  });
}

export async function readFromStartWithReadline(
  filePath: string,
  offset: number,
  length: number,
  signal?: AbortSignal,
): Promise<string[]> {
  const stream = createReadStream(filePath, { signal });
  const rl = createInterface({
    input: stream,
    crlfDelay: Infinity,
  });

  const result: string[] = [];
  let lineNumber = 0;

  try {
    for await (const line of rl) {
      if (lineNumber >= offset && result.length < length) {
        result.push(line);
      }
      if (result.length >= length) break;
      lineNumber++;
    }
  } finally {
    rl.close();
    await destroyReadStream(stream);
  }

  return result;
}
