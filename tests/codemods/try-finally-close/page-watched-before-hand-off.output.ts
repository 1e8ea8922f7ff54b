import type { Browser, Page } from 'puppeteer-core';

// The page's error listener covers a crash of the page, not a navigation that times out first.
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  try {
    page.on('error', () => void page.close());
    await page.goto(url, { timeout: 30_000 });
    return page;
  } catch (error) {
    await page.close();
    throw error;
  }
}
