import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A helper of the same file is a throw point only when something it runs can throw: mongodb's
 * monitor reads its clock with a `now()` around `process.hrtime()` between making a connection and
 * the `try` that destroys it, and that read fails no more than `Date.now()` does. `await sleep(ms)`
 * over `new Promise((resolve) => setTimeout(resolve, ms))` waits; it never rejects. Helpers that can
 * throw, helpers the file binds more than once, recursion and chains deeper than the bound stay throw
 * points.
 */
const valid = [
  {
    name: 'a log line through a logger accessor between the acquisition and the try',
    code: `
import { open } from 'node:fs/promises';
declare function logger(): { info(fields: object, message: string): void };
export async function readLogged(path: string): Promise<string> {
  const fh = await open(path);
  logger().info({ path }, 'opened');
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'path arithmetic between making a temporary folder and handing it back touches no file and does not throw',
    code: `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
export function workspace(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const sources = path.join(dir, 'sources');
  return { dir, sources, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}`,
  },
  {
    name: 'a clock helper around process.hrtime() between the acquisition and the try',
    code: `
import { open } from 'node:fs/promises';
function now(): number {
  const time = process.hrtime();
  return Math.floor(time[0] * 1000 + time[1] / 1000000);
}
export async function timedRead(path: string): Promise<{ text: string; started: number }> {
  const fh = await open(path);
  const started = now();
  try {
    return { text: await fh.readFile('utf8'), started };
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'an arrow helper that calls another quiet helper',
    code: `
import { open } from 'node:fs/promises';
const clock = () => performance.now();
const elapsed = (since: number) => Math.round(clock() - since);
export async function readTimed(path: string, since: number): Promise<string> {
  const fh = await open(path);
  console.log('opened after', elapsed(since));
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'awaiting a sleep helper whose promise only resolves',
    code: `
import { open } from 'node:fs/promises';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function settleThenRead(path: string): Promise<string> {
  const fh = await open(path);
  await sleep(10);
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'awaiting an inline timer promise without a reject parameter',
    code: `
import { open } from 'node:fs/promises';
export async function settleThenRead(path: string): Promise<string> {
  const fh = await open(path);
  await new Promise((resolve) => setTimeout(resolve, 10));
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`,
  },
  {
    name: 'a class of the same file whose constructor only keeps its argument (thread-stream)',
    code: `
import { open } from 'node:fs/promises';
class Holder {
  value: unknown;
  readonly seen = new Set<string>();
  constructor(value: unknown) {
    this.value = value;
  }
}
export async function readHeld(path: string): Promise<{ text: string; holder: Holder }> {
  const fh = await open(path);
  const holder = new Holder(path);
  try {
    return { text: await fh.readFile('utf8'), holder };
  } finally {
    await fh.close();
  }
}`,
  },
];

/** The suggested fix: the statement that can throw moves to the top of the `try` that already releases. */
function movedIntoTry(code: string, line: number): string {
  const lines = code.split('\n');
  const [moved] = lines.splice(line - 1, 1);
  const tryLine = lines.indexOf('  try {', line - 1);
  lines.splice(tryLine + 1, 0, `  ${moved}`);
  return lines.join('\n');
}

function throwPoint(code: string, acquisitionLine: number) {
  return { code, errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: acquisitionLine, suggestions: [{ messageId: 'moveIntoTry' as const, output: movedIntoTry(code, acquisitionLine + 1) }] }] };
}

const invalid = [
  {
    name: 'a logger made with arguments is a call like any other',
    ...throwPoint(`
import { open } from 'node:fs/promises';
declare function logger(name: string): { info(message: string): void };
export async function readLogged(path: string): Promise<string> {
  const fh = await open(path);
  logger(path).info('opened');
  try {
    return await fh.readFile('utf8');
  } finally {
    await fh.close();
  }
}`, 5),
  },
  {
    name: 'a helper that throws on bad input is a throw point',
    ...throwPoint(`
import { open } from 'node:fs/promises';
function check(size: number): number {
  if (size < 0) throw new RangeError('negative size');
  return size;
}
export async function readSized(path: string, size: number): Promise<string> {
  const fh = await open(path);
  const limit = check(size);
  try {
    return (await fh.readFile('utf8')).slice(0, limit);
  } finally {
    await fh.close();
  }
}`, 8),
  },
  {
    name: 'a helper that parses is a throw point',
    ...throwPoint(`
import { open } from 'node:fs/promises';
const parse = (text: string) => JSON.parse(text);
export async function readWithHeader(path: string, header: string): Promise<string> {
  const fh = await open(path);
  const meta = parse(header);
  try {
    return (await fh.readFile('utf8')) + String(meta);
  } finally {
    await fh.close();
  }
}`, 5),
  },
  {
    name: 'a name the file binds twice (a parameter shadows the helper) is not followed',
    ...throwPoint(`
import { open } from 'node:fs/promises';
function now(): number {
  return Date.now();
}
export async function readAt(path: string, now: () => number): Promise<string> {
  const fh = await open(path);
  const at = now();
  try {
    return (await fh.readFile('utf8')) + String(at);
  } finally {
    await fh.close();
  }
}`, 7),
  },
  {
    name: 'a recursive helper can overflow the stack',
    ...throwPoint(`
import { open } from 'node:fs/promises';
function depth(n: number): number {
  return n <= 0 ? 0 : 1 + depth(n - 1);
}
export async function readDeep(path: string, n: number): Promise<string> {
  const fh = await open(path);
  const d = depth(n);
  try {
    return (await fh.readFile('utf8')).slice(d);
  } finally {
    await fh.close();
  }
}`, 7),
  },
  {
    name: 'helpers deeper than the bound count as throwing',
    ...throwPoint(`
import { open } from 'node:fs/promises';
const a = () => Date.now();
const b = () => a();
const c = () => b();
const d = () => c();
export async function readLate(path: string): Promise<string> {
  const fh = await open(path);
  const at = d();
  try {
    return (await fh.readFile('utf8')) + String(at);
  } finally {
    await fh.close();
  }
}`, 8),
  },
  {
    name: 'awaiting a helper whose promise can reject',
    ...throwPoint(`
import { open } from 'node:fs/promises';
import { readFile } from 'node:fs';
const load = (p: string) => new Promise<string>((resolve, reject) => readFile(p, 'utf8', (e, text) => (e ? reject(e) : resolve(text))));
export async function readBoth(path: string, other: string): Promise<string> {
  const fh = await open(path);
  const extra = await load(other);
  try {
    return (await fh.readFile('utf8')) + extra;
  } finally {
    await fh.close();
  }
}`, 6),
  },
  {
    name: 'awaiting a quiet helper that hands back a promise it was given',
    ...throwPoint(`
import { open } from 'node:fs/promises';
const pass = (p: Promise<string>) => p;
export async function readAfter(path: string, ready: Promise<string>): Promise<string> {
  const fh = await open(path);
  const prefix = await pass(ready);
  try {
    return prefix + (await fh.readFile('utf8'));
  } finally {
    await fh.close();
  }
}`, 5),
  },
  {
    name: 'a class of the same file whose constructor validates is a throw point',
    ...throwPoint(
      `
import { open } from 'node:fs/promises';
class Limit {
  constructor(readonly max: number) {
    if (max < 0) throw new RangeError('negative limit');
  }
}
export async function readLimited(path: string, max: number): Promise<string> {
  const fh = await open(path);
  const limit = new Limit(max);
  try {
    return (await fh.readFile('utf8')).slice(0, limit.max);
  } finally {
    await fh.close();
  }
}`,
      9,
    ),
  },
  {
    name: 'a class of the same file extending an imported class runs code the file does not show',
    ...throwPoint(
      `
import { open } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
class Progress extends EventEmitter {
  done = 0;
}
export async function readTracked(path: string): Promise<string> {
  const fh = await open(path);
  const progress = new Progress();
  try {
    return (await fh.readFile('utf8')) + String(progress.done);
  } finally {
    await fh.close();
  }
}`,
      8,
    ),
  },
];

typedRuleTester().run('require-close (quiet helpers of the same file, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (quiet helpers of the same file, untyped)', rule, { valid, invalid });
