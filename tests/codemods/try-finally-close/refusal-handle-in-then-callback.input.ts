import puppeteer, { type Browser } from 'puppeteer-core';

const launch = (): Promise<Browser> => puppeteer.launch({ executablePath: '/usr/bin/chromium' });

// The browser lives on as the `.then` callback's parameter and is never closed.
export const chromiumVersion = (): Promise<string> =>
  launch().then((browser) => {
    console.log('launched');
    return browser.version();
  });
