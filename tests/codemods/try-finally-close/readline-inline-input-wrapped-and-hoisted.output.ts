import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Column names from the first line of a CSV export. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    const first = await lines[Symbol.asyncIterator]().next();
    if (first.done) return [];
    return String(first.value).split(',').map((name) => name.trim());
  } finally {
    lines.close();
    input.destroy();
  }
}
