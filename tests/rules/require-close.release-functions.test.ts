import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A value given to a release function the registry knows (`fs.promises.rm(dir)`, `fs.closeSync(fd)`)
 * is the function's to give back on every path, whatever made it; temporary directories from
 * `mkdtemp` are handles of their own.
 */
const valid = [
  {
    name: 'a temporary directory removed in a finally',
    code: `
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
export async function withScratch<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scratch-'));
  try {
    return await task(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}`,
  },
  {
    name: 'a path Node computes, removed after the work',
    code: `
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
export async function refresh(root: string, data: string): Promise<void> {
  const target = path.join(root, 'cache.json');
  await writeFile(target + '.new', data);
  await rm(target, { force: true });
}`,
  },
];

const invalid = [
  {
    name: 'a temporary directory removed only when the task succeeds',
    code: `
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
export async function withScratch<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scratch-'));
  const result = await task(dir);
  await rm(dir, { recursive: true, force: true });
  return result;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
export async function withScratch<T>(task: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'scratch-'));
  try {
    const result = await task(dir);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "a directory made by the caller's factory and removed only on success (tempy)",
    code: `
import fs from 'node:fs';
export const createTask = (makeDirectory: () => Promise<string>) => async <T>(task: (dir: string) => Promise<T>): Promise<T> => {
  const directory = await makeDirectory();
  const value = await task(directory);
  await fs.promises.rm(directory, { recursive: true, force: true });
  return value;
};`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 4,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import fs from 'node:fs';
export const createTask = (makeDirectory: () => Promise<string>) => async <T>(task: (dir: string) => Promise<T>): Promise<T> => {
  const directory = await makeDirectory();
  try {
    const value = await task(directory);
    return value;
  } finally {
    await fs.promises.rm(directory, { recursive: true, force: true });
  }
};`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (release functions, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (release functions, untyped)', rule, { valid, invalid });
