import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-close';
import plugin from '../../src/plugin';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * What this file's own callers pass is what a parameter holds (a constructor's `browser` made by the
 * file's factory), a handle's own ended-state reads (`page.isClosed()`) are guards that never throw,
 * and a release in the handle's own listener (`page.on('error', …)`) covers that event only: the
 * awaited work before a hand-off can still throw past it. Both modes: the constructor parameter has
 * no written type, so typed mode reads it the same way.
 */
const renderer = (open: string) => `
import puppeteer from 'puppeteer-core';
class Renderer {
  browser;
  constructor(browser) {
    this.browser = browser;
  }
${open}
  async closePage(page) {
    try {
      if (page && !page.isClosed()) await page.close();
    } catch (error) {
      console.error(error);
    }
  }
}
export async function create() {
  return new Renderer(await puppeteer.launch({ executablePath: '/usr/bin/chromium' }));
}`;

const valid = [
  {
    name: 'a client with an error listener that the function itself ends in finally (unless a timeout keeps it) is judged as its own',
    code: `
import { Client } from 'pg';
export async function withLock(fn: () => Promise<void>) {
  const client = new Client();
  client.on('error', (error) => console.error(error));
  let timedOut = false;
  try {
    await client.connect();
    await client.query('SELECT pg_advisory_lock(1)');
    await fn();
  } catch (error) {
    timedOut = error instanceof RangeError;
    throw error;
  } finally {
    if (!timedOut) await client.end();
  }
}`,
  },
  {
    name: 'a helper that closes the page it is given unless it already closed, failures of the close swallowed',
    code: renderer(`
  async html(url) {
    let page = null;
    try {
      page = await this.browser.newPage();
      await page.goto(url);
      return await page.content();
    } finally {
      await this.closePage(page);
    }
  }`),
  },
  {
    name: 'a page handed back at once, its own error listener closing it',
    code: renderer(`
  async open() {
    const page = await this.browser.newPage();
    page.on('error', () => this.closePage(page));
    return page;
  }`),
  },
];

const invalid = [
  {
    name: 'a page of the browser the file passes to the constructor, handed back only after a navigation that can time out',
    code: renderer(`
  async open(url) {
    const page = await this.browser.newPage();
    page.on('error', () => this.closePage(page));
    await page.goto(url, { timeout: 30000 });
    return page;
  }`),
    errors: [
      {
        messageId: 'handedOverOnlyOnSuccess' as const,
        line: 10,
        suggestions: [
          {
            messageId: 'releaseOnError' as const,
            output: renderer(`
  async open(url) {
    const page = await this.browser.newPage();
    try {
      page.on('error', () => this.closePage(page));
      await page.goto(url, { timeout: 30000 });
      return page;
    } catch (error) {
      await page.close();
      throw error;
    }
  }`),
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (what callers pass, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (what callers pass, untyped)', rule, { valid, invalid });

/**
 * A self-recursive visitor that calls itself with members of its own parameter at many sites
 * (`visitType(type.checkType, …)`, reduced from a typescript-eslint rule): the callers'-arguments model
 * once followed it path by path and ran for over a minute on that file. Read once per parameter, it
 * takes milliseconds.
 */
describe('what callers pass, on a self-recursive visitor', () => {
  it('reads each parameter once', () => {
    const code = readFileSync(path.join(__dirname, '..', 'fixtures', 'cost', 'recursive-visitor.js'), 'utf8');
    // The whole preset: every rule asks the oracle its own questions about the same values.
    const started = performance.now();
    const messages = new Linter().verify(code, [{ ...plugin.configs.recommended, files: ['**/*.js'] }], 'visitor.js');
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    // Generous for a loaded machine: the memoised read takes well under a second; the other did not finish in a minute.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
