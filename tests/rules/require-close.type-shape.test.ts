import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Values the function releases itself, beyond a package's factories: typed mode reads the value's own
 * type (a project's `QueryRunner` interface declares `release()`), a value may be kept in a `let` of
 * the function, and listeners on the handle for its own end (`browser.on('disconnected', …)`) only
 * observe it — the flag they set says the handle is gone.
 */
const valid = [
  {
    name: "a project interface's release in finally",
    code: `
interface QueryRunner { clearDatabase(): Promise<void>; release(): Promise<void>; }
interface Driver { createQueryRunner(): QueryRunner; }
export async function dropDatabase(driver: Driver): Promise<void> {
  const queryRunner = driver.createQueryRunner();
  try {
    await queryRunner.clearDatabase();
  } finally {
    await queryRunner.release();
  }
}`,
  },
  {
    name: 'a project value whose release method does nothing holds nothing',
    code: `
class Draft { text = ''; append(part: string): void { this.text += part; } close(): void {} }
function makeDraft(): Draft { return new Draft(); }
export function compose(parts: string[]): string {
  const draft = makeDraft();
  for (const part of parts) draft.append(part);
  draft.close();
  return draft.text;
}`,
  },
  {
    name: "a browser kept in a let, closed in finally unless its 'disconnected' listener saw it go",
    code: `
import puppeteer, { type Browser } from 'puppeteer';
export async function scan(urls: string[]): Promise<number> {
  let browser: Browser | undefined;
  let disconnected = false;
  try {
    browser = await puppeteer.launch();
    browser.on('disconnected', () => {
      disconnected = true;
    });
    const page = await browser.newPage();
    for (const url of urls) {
      if (disconnected) return -1;
      await page.goto(url);
    }
    return urls.length;
  } finally {
    if (browser && !disconnected) await browser.close();
  }
}`,
  },
  {
    name: 'a record looked up and then destroyed is deleted, not released: a lookup acquires nothing',
    code: `
interface Session { accountId: string; destroy(): Promise<void>; }
interface Sessions { findByUid(uid: string): Promise<Session | undefined>; }
export async function revoke(sessions: Sessions, uid: string, userId: string): Promise<void> {
  const session = await sessions.findByUid(uid);
  if (!session) throw new Error('not found');
  if (session.accountId !== userId) throw new Error('not yours');
  await session.destroy();
}`,
  },
  {
    name: 'a module-level let is not the function’s to release',
    code: `
import puppeteer, { type Browser } from 'puppeteer';
let shared: Browser | undefined;
export async function warm(url: string): Promise<void> {
  shared = await puppeteer.launch();
  const page = await shared.newPage();
  await page.goto(url);
  await shared.close();
}`,
  },
];

const invalid = [
  {
    name: 'a package product kept in a let of the function, closed only after the work',
    code: `
import puppeteer, { type Browser } from 'puppeteer';
export async function title(url: string): Promise<string> {
  let browser: Browser;
  browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(url);
  const text = await page.title();
  await browser.close();
  return text;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import puppeteer, { type Browser } from 'puppeteer';
export async function title(url: string): Promise<string> {
  let browser: Browser;
  browser = await puppeteer.launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const text = await page.title();
    return text;
  } finally {
    await browser.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: "a 'disconnected' listener only observes: a failing navigation still leaves the browser open",
    code: `
import puppeteer from 'puppeteer';
export async function scan(urls: string[]): Promise<number> {
  let disconnected = false;
  const browser = await puppeteer.launch();
  browser.on('disconnected', () => {
    disconnected = true;
  });
  const page = await browser.newPage();
  for (const url of urls) {
    if (disconnected) return -1;
    await page.goto(url);
  }
  await browser.close();
  return urls.length;
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import puppeteer from 'puppeteer';
export async function scan(urls: string[]): Promise<number> {
  let disconnected = false;
  const browser = await puppeteer.launch();
  try {
    browser.on('disconnected', () => {
      disconnected = true;
    });
    const page = await browser.newPage();
    for (const url of urls) {
      if (disconnected) return -1;
      await page.goto(url);
    }
  } finally {
    await browser.close();
  }
  return urls.length;
}`,
          },
        ],
      },
    ],
  },
];

/**
 * A project's own acquiring call (`createQueryRunner()`) whose value the function releases itself:
 * typed mode reads `release()` in the value's type; untyped mode takes the function's own
 * `release()` call on it as the same evidence.
 */
const ownFactoryInvalid = [
  {
    name: "a project interface's value released only after the work",
    code: `
interface QueryRunner { clearDatabase(): Promise<void>; release(): Promise<void>; }
interface Driver { createQueryRunner(): QueryRunner; }
export async function dropDatabase(driver: Driver): Promise<void> {
  const queryRunner = driver.createQueryRunner();
  await queryRunner.clearDatabase();
  await queryRunner.release();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
interface QueryRunner { clearDatabase(): Promise<void>; release(): Promise<void>; }
interface Driver { createQueryRunner(): QueryRunner; }
export async function dropDatabase(driver: Driver): Promise<void> {
  const queryRunner = driver.createQueryRunner();
  try {
    await queryRunner.clearDatabase();
  } finally {
    await queryRunner.release();
  }
}`,
          },
        ],
      },
    ],
  },
];

/**
 * Without types `end()` reads the same on a Writable (`res.end()`), a tracing span and a connection:
 * untyped mode does not judge a project factory's value by it (typed mode tells them apart).
 */
const untypedOnlyValid = [
  {
    name: "a project factory's value ended by end(): untyped cannot tell a Writable or a span from a connection",
    code: `
declare function startSpan(name: string): any;
export async function traced(work: () => Promise<void>): Promise<void> {
  const span = startSpan('work');
  await work();
  span.end();
}`,
  },
  {
    name: 'a local factory that returns a class of this file is a local helper, as its `new` is',
    code: `
class Lease { release(): void { console.log('released'); } }
function acquireLease(): Lease { return new Lease(); }
export async function withLease(work: () => Promise<void>): Promise<void> {
  const lease = acquireLease();
  await work();
  lease.release();
}`,
  },
];

typedRuleTester().run('require-close (type shape, let holders, lifecycle listeners, typed)', rule, { valid, invalid: [...invalid, ...ownFactoryInvalid] });
untypedRuleTester().run('require-close (type shape, let holders, lifecycle listeners, untyped)', rule, {
  valid: [...valid, ...untypedOnlyValid],
  invalid: [...invalid, ...ownFactoryInvalid],
});
