import { openSync, readSync } from 'node:fs';

export function readBootSector(device: string): Buffer {
  const fd = openSync(device, 'r');
  const sector = Buffer.alloc(512);
  readSync(fd, sector, 0, sector.length, 0);
  return sector;
}
