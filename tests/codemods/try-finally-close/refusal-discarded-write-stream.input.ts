import fs from 'node:fs';

/** Creates (or truncates) the log file before the workers start appending to it. */
export function resetLog(path: string): void {
  fs.createWriteStream(path, { flags: 'w' });
}
