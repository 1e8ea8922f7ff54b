import fs from 'node:fs';

/* leakguard-todo(try-finally-close): the handle is not kept in a variable, so there is nothing to close in a `finally`; assign it to a `const` first */
export function touch(path: string): void { fs.createWriteStream(path, { flags: 'a' }); }
