import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Column names from the first line of a CSV export. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const first = await lines[Symbol.asyncIterator]().next();
  lines.close();
  if (first.done) return [];
  return String(first.value).split(',').map((name) => name.trim());
}
