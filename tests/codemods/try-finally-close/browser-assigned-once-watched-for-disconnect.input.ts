import puppeteer, { type Browser } from 'puppeteer-core';

// Declared first, launched later, watched for a crash, closed on one early return and at the end:
// a navigation that throws leaves Chromium running.
export async function scrape(url: string): Promise<string | undefined> {
  let browser: Browser;
  let crashed = false;

  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  browser.on('disconnected', () => {
    crashed = true;
  });
  const page = await browser.newPage();
  const response = await page.goto(url);
  if (!response || !response.ok()) {
    await browser.close();
    return undefined;
  }
  if (crashed) {
    return undefined;
  }
  const title = await page.title();
  await browser.close();
  return title;
}
