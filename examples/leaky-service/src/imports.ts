import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Checks the column names of an uploaded CSV export before the import job is queued.
 *
 * LEAK (require-close: never released): nothing closes the interface once the header has arrived,
 * so readline keeps streaming the rest of a multi-gigabyte export to nobody, holding the file's
 * descriptor until EOF.
 */
export async function readHeader(path: string): Promise<string[]> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  const [header] = (await once(lines, 'line')) as [string];
  return header.split(',');
}

/** OK: `pipeline` owns the three streams and destroys all of them when any one fails. */
export async function archiveExport(path: string): Promise<string> {
  const archive = `${path}.gz`;
  await pipeline(createReadStream(path), createGzip(), createWriteStream(archive));
  return archive;
}
