import fs from 'node:fs';

/** Creates (or truncates) the log file before the workers start appending to it. */
export function resetLog(path: string): void {
  /* leakguard-todo(try-finally-close): the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first */
  fs.createWriteStream(path, { flags: 'w' });
}
