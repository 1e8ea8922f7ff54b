/**
 * Invalid cases both modes must report. `tryFinally` is the suggestion's output; `using` is the
 * typed mode's extra `await using`/`using` suggestion, offered only when the type is Disposable.
 */
export interface SharedError {
  readonly messageId: 'neverReleased' | 'releasedOnlyOnSuccess' | 'notReleasedOnEveryPath';
  readonly line?: number;
  readonly data?: Record<string, string>;
  readonly tryFinally?: string;
  readonly using?: string;
}

export interface SharedInvalidCase extends SharedError {
  readonly name: string;
  readonly code: string;
  readonly options?: { unknownCallsTakeOwnership?: boolean };
  /** More reports after the first (described by the case's own fields). */
  readonly more?: readonly SharedError[];
}

export const sharedInvalidCases: SharedInvalidCase[] = [
  {
    name: 'a write stream ended only if serialising succeeds (writes themselves do not throw)',
    code: `
import fs from 'node:fs';
export function dump(path: string, data: unknown) {
  const out = fs.createWriteStream(path);
  out.write('-- dump\\n');
  out.write(JSON.stringify(data));
  out.end();
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file stream', release: '.close()', thrower: 'JSON.stringify(data)', line: '6' },
    tryFinally: `
import fs from 'node:fs';
export function dump(path: string, data: unknown) {
  const out = fs.createWriteStream(path);
  try {
    out.write('-- dump\\n');
    out.write(JSON.stringify(data));
  } finally {
    out.end();
  }
}`,
  },
  {
    name: 'a file handle closed only when JSON.parse succeeds',
    code: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  const fh = await open(path, 'r');
  const config = JSON.parse(await fh.readFile('utf8'));
  await fh.close();
  return config;
}`,
    messageId: 'releasedOnlyOnSuccess',
    line: 4,
    data: { resource: 'file handle', release: '.close()', thrower: "await fh.readFile('utf8')", line: '5' },
    tryFinally: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  const fh = await open(path, 'r');
  try {
    const config = JSON.parse(await fh.readFile('utf8'));
    return config;
  } finally {
    await fh.close();
  }
}`,
    using: `
import { open } from 'node:fs/promises';
export async function loadConfig(path: string) {
  await using fh = await open(path, 'r');
  const config = JSON.parse(await fh.readFile('utf8'));
  return config;
}`,
  },
  {
    name: 'an early return skips closeSync',
    code: `
import * as fs from 'node:fs';
export function lastLine(path: string): string {
  const fd = fs.openSync(path, 'r');
  const { size } = fs.fstatSync(fd);
  if (size === 0) return '';
  const buffer = Buffer.alloc(Math.min(size, 4096));
  fs.readSync(fd, buffer, 0, buffer.length, Math.max(0, size - buffer.length));
  fs.closeSync(fd);
  return buffer.toString('utf8').trimEnd().split('\\n').pop() ?? '';
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '6' },
    tryFinally: `
import * as fs from 'node:fs';
export function lastLine(path: string): string {
  const fd = fs.openSync(path, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    if (size === 0) return '';
    const buffer = Buffer.alloc(Math.min(size, 4096));
    fs.readSync(fd, buffer, 0, buffer.length, Math.max(0, size - buffer.length));
    return buffer.toString('utf8').trimEnd().split('\\n').pop() ?? '';
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'a descriptor never closed, with a named import of closeSync available',
    code: `
import { openSync, readSync, closeSync } from 'node:fs';
export function magic(path: string) {
  const fd = openSync(path, 'r');
  const header = Buffer.alloc(4);
  readSync(fd, header, 0, 4, 0);
  return header.toString('hex');
}
export function unused() { closeSync(0); }`,
    messageId: 'neverReleased',
    tryFinally: `
import { openSync, readSync, closeSync } from 'node:fs';
export function magic(path: string) {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(4);
    readSync(fd, header, 0, 4, 0);
    return header.toString('hex');
  } finally {
    closeSync(fd);
  }
}
export function unused() { closeSync(0); }`,
  },
  {
    name: 'a stream that nobody keeps',
    code: `
import fs from 'node:fs';
export function startLog(path: string) {
  fs.createWriteStream(path, { flags: 'a' });
}`,
    messageId: 'neverReleased',
  },
  {
    name: 'the second release in a finally is skipped when the first throws',
    code: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    const header = Buffer.alloc(64);
    fs.readSync(input, header);
    fs.writeSync(output, header);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}`,
    // Opening the target can fail with the source already open: that leaks too.
    messageId: 'releasedOnlyOnSuccess',
    line: 4,
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: "fs.openSync(target, 'w')", line: '5' },
    tryFinally: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  try {
    const output = fs.openSync(target, 'w');
    try {
      const header = Buffer.alloc(64);
      fs.readSync(input, header);
      fs.writeSync(output, header);
    } finally {
      fs.closeSync(output);
    }
  } finally {
    fs.closeSync(input);
  }
}`,
    more: [{
    messageId: 'releasedOnlyOnSuccess',
    line: 5,
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'fs.closeSync(input)', line: '11' },
    tryFinally: `
import fs from 'node:fs';
export function copyHeader(source: string, target: string) {
  const input = fs.openSync(source, 'r');
  const output = fs.openSync(target, 'w');
  try {
    try {
      const header = Buffer.alloc(64);
      fs.readSync(input, header);
      fs.writeSync(output, header);
    } finally {
      fs.closeSync(input);
    }
  } finally {
    fs.closeSync(output);
  }
}`,
    }],
  },
  {
    name: 'a catch that rethrows without closing',
    code: `
import fs from 'node:fs';
export function readAll(path: string, log: (error: unknown) => void) {
  const fd = fs.openSync(path, 'r');
  let text: string;
  try {
    text = fs.readFileSync(fd, 'utf8');
  } catch (error) {
    log(error);
    throw error;
  }
  fs.closeSync(fd);
  return text;
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'log(error)', line: '9' },
    tryFinally: `
import fs from 'node:fs';
export function readAll(path: string, log: (error: unknown) => void) {
  const fd = fs.openSync(path, 'r');
  try {
    let text: string;
    try {
      text = fs.readFileSync(fd, 'utf8');
    } catch (error) {
      log(error);
      throw error;
    }
    return text;
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'an alias is released, but only after a call that can throw',
    code: `
import fs from 'node:fs';
export function probe(path: string, check: (fd: number) => void) {
  const fd = fs.openSync(path, 'r');
  const descriptor = fd;
  check(descriptor);
  fs.closeSync(descriptor);
}`,
    options: { unknownCallsTakeOwnership: false },
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'check(descriptor)', line: '6' },
    tryFinally: `
import fs from 'node:fs';
export function probe(path: string, check: (fd: number) => void) {
  const fd = fs.openSync(path, 'r');
  try {
    const descriptor = fd;
    check(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
}`,
  },
  {
    name: 'a generator that yields while holding a descriptor',
    code: `
import fs from 'node:fs';
export function* chunks(path: string) {
  const fd = fs.openSync(path, 'r');
  const buffer = Buffer.alloc(1024);
  let read = 0;
  while ((read = fs.readSync(fd, buffer)) > 0) yield buffer.subarray(0, read);
  fs.closeSync(fd);
}`,
    messageId: 'releasedOnlyOnSuccess',
    data: { resource: 'file descriptor', release: 'closeSync()', thrower: 'fs.readSync(fd, buffer)', line: '7' },
    tryFinally: `
import fs from 'node:fs';
export function* chunks(path: string) {
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    let read = 0;
    while ((read = fs.readSync(fd, buffer)) > 0) yield buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}`,
  },
  {
    name: 'a continue skips the release in a loop',
    code: `
import fs from 'node:fs';
export function sizes(paths: string[]) {
  const result: number[] = [];
  for (const path of paths) {
    const fd = fs.openSync(path, 'r');
    const { size } = fs.fstatSync(fd);
    if (size === 0) continue;
    result.push(size);
    fs.closeSync(fd);
  }
  return result;
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '8' },

    tryFinally: `
import fs from 'node:fs';
export function sizes(paths: string[]) {
  const result: number[] = [];
  for (const path of paths) {
    const fd = fs.openSync(path, 'r');
    try {
      const { size } = fs.fstatSync(fd);
      if (size === 0) continue;
      result.push(size);
    } finally {
      fs.closeSync(fd);
    }
  }
  return result;
}`,
  },
  {
    name: 'a watcher that is never closed',
    code: `
import fs from 'node:fs';
export function firstChange(dir: string) {
  const watcher = fs.watch(dir);
  return watcher.ref() !== undefined;
}`,
    messageId: 'neverReleased',
    tryFinally: `
import fs from 'node:fs';
export function firstChange(dir: string) {
  const watcher = fs.watch(dir);
  try {
    return watcher.ref() !== undefined;
  } finally {
    watcher.close();
  }
}`,
  },
  {
    name: 'with unknownCallsTakeOwnership: false, passing a handle on does not release it',
    code: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  const fh = await open(path);
  await inspect(fh);
}`,
    options: { unknownCallsTakeOwnership: false },
    messageId: 'neverReleased',
    tryFinally: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  const fh = await open(path);
  try {
    await inspect(fh);
  } finally {
    await fh.close();
  }
}`,
    using: `
import { open } from 'node:fs/promises';
declare function inspect(handle: unknown): Promise<void>;
export async function check(path: string) {
  await using fh = await open(path);
  await inspect(fh);
}`,
  },
  {
    name: 'a switch case returns before the release',
    code: `
import fs from 'node:fs';
export function kind(path: string, mode: 'head' | 'size') {
  const fd = fs.openSync(path, 'r');
  switch (mode) {
    case 'size':
      return fs.fstatSync(fd).size;
    default:
      break;
  }
  fs.closeSync(fd);
  return 0;
}`,
    messageId: 'notReleasedOnEveryPath',
    data: { resource: 'file descriptor', release: 'closeSync()', line: '7' },
    tryFinally: `
import fs from 'node:fs';
export function kind(path: string, mode: 'head' | 'size') {
  const fd = fs.openSync(path, 'r');
  try {
    switch (mode) {
      case 'size':
        return fs.fstatSync(fd).size;
      default:
        break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return 0;
}`,
  },
];
