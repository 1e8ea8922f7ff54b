import { open } from 'node:fs/promises';

export class ExportError extends Error {}

export async function exportRows(path: string, rows: readonly string[][]): Promise<number> {
  const out = await open(path, 'w');
  let written = 0;
  try {
    for (const row of rows) {
      const { bytesWritten } = await out.write(`${row.join(',')}\n`);
      written += bytesWritten;
    }
  } catch (error) {
    await out.close();
    throw new ExportError(`could not export to ${path}`, { cause: error });
  }
  await out.datasync();
  await out.close();
  return written;
}
