import * as fs from 'fs';

export function readPidFile(path: string): number | undefined {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(32);
    const bytesRead = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const pid = Number.parseInt(buffer.subarray(0, bytesRead).toString('ascii').trim(), 10);
    if (Number.isNaN(pid)) return undefined;
    return pid;
  } finally {
    fs.closeSync(fd);
  }
}
