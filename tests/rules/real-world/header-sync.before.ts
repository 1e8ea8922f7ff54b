// Shape of image-size's synchronous header read before it moved the close into `finally`:
// fstat, the allocation and the read can all throw with the descriptor open.
import * as fs from 'node:fs';

const MAX_HEADER = 512 * 1024;

export function readHeader(file: string): Buffer {
  const descriptor = fs.openSync(file, 'r');
  const size = fs.fstatSync(descriptor).size;
  const length = Math.min(size, MAX_HEADER);
  const header = Buffer.alloc(length);
  fs.readSync(descriptor, header, 0, length, 0);
  fs.closeSync(descriptor);
  return header;
}
