import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A `.finally()` callback runs whichever way its chain settles: when the function builds that chain
 * itself, the release in it is the function's own, at the chain's place, and every `throw` or
 * `return` before the chain skips it. A chain built inside another callback (a listener) is that
 * callback's business, as before.
 */
const valid = [
  {
    name: 'the chain starts right after the acquisition: every path reaches its finally',
    code: `
import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const fh = await open(path);
  return fh.readFile('utf8').finally(() => fh.close());
}`,
  },
  {
    name: 'a page whose whole use is one chain ending in finally',
    code: `
import type { Browser } from 'puppeteer';
export async function title(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  return page
    .goto(url)
    .then(() => page.title())
    .finally(() => page.close());
}`,
  },
  {
    name: "a chain built in a listener is the listener's, not the function's",
    code: `
import { open } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
export async function watch(path: string, events: EventEmitter): Promise<void> {
  const fh = await open(path);
  const stat = await fh.stat();
  if (stat.size === 0) return;
  events.once('flush', () => {
    void fh.sync().finally(() => fh.close());
  });
}`,
  },
];

const invalid = [
  {
    name: 'an empty file returns before the chain whose finally closes the handle',
    code: `
import { open } from 'node:fs/promises';
export async function read(path: string): Promise<string> {
  const fh = await open(path);
  const stat = await fh.stat();
  if (stat.size === 0) return '';
  return fh.readFile('utf8').finally(() => fh.close());
}`,
    errors: [{ messageId: 'notReleasedOnEveryPath' as const, line: 4 }],
  },
  {
    name: 'a failed navigation throws before the chain that closes the page (chat-ui)',
    code: `
import type { Browser } from 'puppeteer';
export async function title(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  const response = await page.goto(url);
  if (!response) throw new Error('no response');
  return page.title().finally(() => page.close());
}`,
    errors: [{ messageId: 'releasedOnlyOnSuccess' as const, line: 4 }],
  },
];

typedRuleTester().run('require-close (released in a chain finally, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (released in a chain finally, untyped)', rule, { valid, invalid });
