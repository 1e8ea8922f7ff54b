// write-file-atomic's reported leak: when the write or fsync fails, the temp file's descriptor stays open.
import fs from 'node:fs';

export function writeAtomic(target: string, data: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  fs.writeSync(fd, data);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(temporary, target);
}
