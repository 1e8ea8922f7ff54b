import fs from 'node:fs';

export function touch(path: string): void { fs.createWriteStream(path, { flags: 'a' }); }
