// codemod-unchanged: the site is suppressed with an eslint-disable comment, which the codemod honours
import { openSync, writeSync } from 'node:fs';

/** The process exits right after: the kernel closes the descriptor. */
export function writeCrashDump(path: string, dump: string): never {
  // eslint-disable-next-line leakguard/require-close -- the process exits on the next line
  const fd = openSync(path, 'w');
  writeSync(fd, dump);
  process.exit(70);
}
