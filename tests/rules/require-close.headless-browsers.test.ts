import rule from "../../rules/require-close";
import { typedRuleTester, untypedRuleTester } from "./rule-testers";

/**
 * Headless browsers (Puppeteer, Playwright): a launched browser, a context and a page each hold
 * processes and memory until closed. A page made from a browser the same function launched lives
 * inside it (closing the browser closes it); one made from a long-lived browser must be closed by
 * the code that made it. Typed cases use the real types of puppeteer-core and playwright-core;
 * untyped cases see the same imports. Accessors that hand back an existing browser or context
 * (`page.browser()`) make nothing.
 */
const valid = [
  {
    name: "browsers closed in finally, pages of a long-lived browser closed in finally, accessors, connect/disconnect, a browser handed out, pages made in callbacks of a function that closes the browser",
    code: `import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { chromium, type Browser } from 'playwright-core';

export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    return await page.pdf({ format: 'a4' });
  } finally {
    await browser.close();
  }
}

let shared: Browser | undefined;
export async function title(url: string): Promise<string> {
  shared ??= await chromium.launch();
  const page = await shared.newPage();
  try {
    await page.goto(url);
    return await page.title();
  } finally {
    await page.close();
  }
}

export async function version(page: PuppeteerPage): Promise<string> {
  const browser = page.browser();
  const context = page.browserContext();
  return \`\${await browser.version()} \${context.id ?? ''}\`;
}

export async function attach(endpoint: string): Promise<number> {
  const browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
  try {
    return (await browser.pages()).length;
  } finally {
    await browser.disconnect();
  }
}

export async function openBrowser(): Promise<PuppeteerBrowser> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  browser.on('disconnected', () => console.warn('browser gone'));
  return browser;
}

export async function renderAll(pages: string[]): Promise<Uint8Array[]> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  try {
    return await Promise.all(pages.map((html) => browser.newPage().then((page) => page.setContent(html).then(() => page.pdf()))));
  } finally {
    await browser.close();
  }
}
`,
  },
];

const inv1Code = `
import express from 'express';
import { chromium, type Browser } from 'playwright-core';

const app = express();
let browser: Browser;

app.post('/html', async (req, res) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(String(req.body.url));
    res.json({ content: await page.content() });
  } finally {
    await page.close();
  }
});

export async function start(): Promise<void> {
  browser = await chromium.launch();
  app.listen(0, '127.0.0.1');
}
`;

const inv2Code = `
import puppeteer from 'puppeteer-core';

export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'a4' });
  await browser.close();
  return pdf;
}
`;

const inv3Code = `
import puppeteer from 'puppeteer-core';

const launchBrowser = () => puppeteer.launch({ executablePath: '/usr/bin/chromium' });

export async function screenshot(url: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(url);
  return page.screenshot();
}
`;

const inv4Code = `
import express from 'express';
import puppeteer from 'puppeteer-core';

export async function serve(): Promise<void> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  process.once('SIGTERM', () => void browser.close());
  const app = express();
  app.get('/title', async (req, res) => {
    const page = await browser.newPage();
    await page.goto(String(req.query.url));
    res.send(await page.title());
  });
  app.listen(0, '127.0.0.1');
}
`;

/** Each case: its one finding, the try/finally suggestion, and (typed, Playwright: its types are async-disposable) `await using`. */
const invalid = (typed: boolean) => [
  {
    name: "a page whose response listener only collects what it loads is still the function's: an early return skips its close",
    code: `
import type { Browser } from 'puppeteer-core';
export async function countStylesheets(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  const sheets: string[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'stylesheet') sheets.push(response.url());
  });
  try {
    await page.goto(url);
  } catch {
    return -1;
  }
  await page.close();
  return sheets.length;
}
`,
    errors: [
      {
        messageId: "notReleasedOnEveryPath" as const,
        line: 4,
        suggestions: [{ messageId: "wrapInTryFinally" as const, output: `
import type { Browser } from 'puppeteer-core';
export async function countStylesheets(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    const sheets: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'stylesheet') sheets.push(response.url());
    });
    try {
      await page.goto(url);
    } catch {
      return -1;
    }
    return sheets.length;
  } finally {
    await page.close();
  }
}
` }],
      },
    ],
  },
  {
    name: "a context made per request from a long-lived browser and never closed (its page is closed)",
    code: inv1Code,
    errors: [
      {
        messageId: "neverReleased" as const,
        line: 9,
        suggestions: [
          { messageId: "wrapInTryFinally" as const, output: `
import express from 'express';
import { chromium, type Browser } from 'playwright-core';

const app = express();
let browser: Browser;

app.post('/html', async (req, res) => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    try {
      await page.goto(String(req.body.url));
      res.json({ content: await page.content() });
    } finally {
      await page.close();
    }
  } finally {
    await context.close();
  }
});

export async function start(): Promise<void> {
  browser = await chromium.launch();
  app.listen(0, '127.0.0.1');
}
` },
          ...(typed ? [{ messageId: "declareWithUsing" as const, output: `
import express from 'express';
import { chromium, type Browser } from 'playwright-core';

const app = express();
let browser: Browser;

app.post('/html', async (req, res) => {
  await using context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(String(req.body.url));
    res.json({ content: await page.content() });
  } finally {
    await page.close();
  }
});

export async function start(): Promise<void> {
  browser = await chromium.launch();
  app.listen(0, '127.0.0.1');
}
` }] : []),
        ],
      },
    ],
  },
  {
    name: "a browser closed only after the page work, which can throw first",
    code: inv2Code,
    errors: [
      {
        messageId: "releasedOnlyOnSuccess" as const,
        line: 5,
        suggestions: [
          { messageId: "wrapInTryFinally" as const, output: `
import puppeteer from 'puppeteer-core';

export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'a4' });
    return pdf;
  } finally {
    await browser.close();
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "a browser from a local launcher never closed: one finding, not one per page",
    code: inv3Code,
    errors: [
      {
        messageId: "neverReleased" as const,
        line: 7,
        suggestions: [
          { messageId: "wrapInTryFinally" as const, output: `
import puppeteer from 'puppeteer-core';

const launchBrowser = () => puppeteer.launch({ executablePath: '/usr/bin/chromium' });

export async function screenshot(url: string): Promise<Uint8Array> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return page.screenshot();
  } finally {
    await browser.close();
  }
}
` },
        ],
      },
    ],
  },
  {
    name: "a page made per request in a browser its launcher closes only at shutdown",
    code: inv4Code,
    errors: [
      {
        messageId: "neverReleased" as const,
        line: 10,
        suggestions: [
          { messageId: "wrapInTryFinally" as const, output: `
import express from 'express';
import puppeteer from 'puppeteer-core';

export async function serve(): Promise<void> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  process.once('SIGTERM', () => void browser.close());
  const app = express();
  app.get('/title', async (req, res) => {
    const page = await browser.newPage();
    try {
      await page.goto(String(req.query.url));
      res.send(await page.title());
    } finally {
      await page.close();
    }
  });
  app.listen(0, '127.0.0.1');
}
` },
        ],
      },
    ],
  },
];

typedRuleTester().run("require-close (headless browsers, typed)", rule, { valid, invalid: invalid(true) });
untypedRuleTester().run("require-close (headless browsers, untyped)", rule, { valid, invalid: invalid(false) });
