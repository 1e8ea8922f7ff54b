import puppeteer, { type Browser } from 'puppeteer-core';

const launch = (): Promise<Browser> => puppeteer.launch({ executablePath: '/usr/bin/chromium' });

// The browser lives on as the `.then` callback's parameter and is never closed.
/* leakguard-todo(try-finally-close): it is handed to a `.then` callback as `browser` and never released there; rewrite the chain with `await` and release it in a `finally` (or end the promise that callback returns with `.finally()` that releases it) */
export const chromiumVersion = (): Promise<string> =>
  launch().then((browser) => {
    console.log('launched');
    return browser.version();
  });
