import * as fs from 'node:fs';

const MAX_HEADER = 512 * 1024;

export function readHeader(file: string): Buffer {
  const descriptor = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(descriptor).size;
    const length = Math.min(size, MAX_HEADER);
    const header = Buffer.alloc(length);
    fs.readSync(descriptor, header, 0, length, 0);
    return header;
  } finally {
    fs.closeSync(descriptor);
  }
}
