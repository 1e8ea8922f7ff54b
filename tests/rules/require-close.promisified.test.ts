import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * `const open = util.promisify(fs.open)` at module level: awaited, a call of it is the descriptor
 * `fs.open`'s callback receives, `close(fd)` through `promisify(fs.close)` releases it, and
 * `read(fd, …)` through `promisify(fs.read)` borrows it as `fs.read` does. Only the awaited promise
 * acquires: a promisified `exec` resolves to its output, not to a child process.
 */
const valid = [
  {
    name: 'a promisified descriptor closed in finally through promisified close',
    code: `
import fs from 'node:fs';
import { promisify } from 'node:util';
const open = promisify(fs.open);
const read = promisify(fs.read);
const close = promisify(fs.close);
export async function firstByte(path: string): Promise<number | null> {
  const fd = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1);
    const { bytesRead } = await read(fd, buffer, 0, 1, 0);
    return bytesRead === 0 ? null : buffer[0]!;
  } finally {
    await close(fd);
  }
}`,
  },
  {
    name: 'a promisified exec resolves to its output, not to a child process',
    code: `
import { exec as execCallback } from 'node:child_process';
import { promisify } from 'node:util';
const exec = promisify(execCallback);
export async function list(): Promise<string> {
  const result = await exec('ls');
  if (!result.stdout) throw new Error('empty listing');
  return result.stdout;
}`,
  },
  {
    name: "the promise of a descriptor handed to the caller is the caller's",
    code: `
import fs from 'node:fs';
import { promisify } from 'node:util';
const open = promisify(fs.open);
export function openLog(path: string): Promise<number> {
  return open(path, 'a');
}`,
  },
];

const invalid = [
  {
    name: 'an empty file returns before the promisified descriptor is closed',
    code: `
import fs from 'node:fs';
import util from 'node:util';
const open = util.promisify(fs.open);
const read = util.promisify(fs.read);
const close = util.promisify(fs.close);
export async function firstByte(path: string): Promise<number | null> {
  const fd = await open(path, 'r');
  const buffer = Buffer.alloc(1);
  const { bytesRead } = await read(fd, buffer, 0, 1, 0);
  if (bytesRead === 0) return null;
  await close(fd);
  return buffer[0]!;
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 8,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import fs from 'node:fs';
import util from 'node:util';
const open = util.promisify(fs.open);
const read = util.promisify(fs.read);
const close = util.promisify(fs.close);
export async function firstByte(path: string): Promise<number | null> {
  const fd = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1);
    const { bytesRead } = await read(fd, buffer, 0, 1, 0);
    if (bytesRead === 0) return null;
    return buffer[0]!;
  } finally {
    await close(fd);
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (promisified callback APIs, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (promisified callback APIs, untyped)', rule, { valid, invalid });
