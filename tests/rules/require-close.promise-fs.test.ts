import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * mz/fs and fs-promise are Node's fs with promises where no callback is given: `await fs.open(path)`
 * resolves to a file descriptor that `fs.close(fd)` gives back, as fs's own callback form does. The
 * packages are not installed here, so both runs read them by their imports.
 */
const valid = [
  {
    name: "mz/fs's descriptor closed in finally",
    code: `
import fs from 'mz/fs';
export async function lastByte(path: string): Promise<number | undefined> {
  const fd = await fs.open(path, 'r');
  try {
    const { size } = await fs.fstat(fd);
    if (size === 0) return undefined;
    const buffer = Buffer.alloc(1);
    await fs.read(fd, buffer, 0, 1, size - 1);
    return buffer[0];
  } finally {
    await fs.close(fd);
  }
}`,
  },
  {
    name: 'readFile opens and closes its own descriptor',
    code: `
import fsp from 'fs-promise';
export async function load(path: string): Promise<unknown> {
  const text = await fsp.readFile(path, 'utf8');
  return JSON.parse(text);
}`,
  },
  {
    name: 'a descriptor handed to the caller is the caller’s',
    code: `
import fs from 'mz/fs';
export async function openLog(path: string): Promise<number> {
  const fd = await fs.open(path, 'a');
  return fd;
}`,
  },
];

const invalid = [
  {
    name: "an empty file returns before fs-promise's descriptor is closed (read-last-lines)",
    code: `
import fsp from 'fs-promise';
export async function lastByte(path: string): Promise<number | undefined> {
  const fd = await fsp.open(path, 'r');
  const { size } = await fsp.fstat(fd);
  if (size === 0) return undefined;
  const buffer = Buffer.alloc(1);
  await fsp.read(fd, buffer, 0, 1, size - 1);
  await fsp.close(fd);
  return buffer[0];
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import fsp from 'fs-promise';
export async function lastByte(path: string): Promise<number | undefined> {
  const fd = await fsp.open(path, 'r');
  try {
    const { size } = await fsp.fstat(fd);
    if (size === 0) return undefined;
    const buffer = Buffer.alloc(1);
    await fsp.read(fd, buffer, 0, 1, size - 1);
    return buffer[0];
  } finally {
    await fsp.close(fd);
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (promise fs drop-ins, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (promise fs drop-ins, untyped)', rule, { valid, invalid });
