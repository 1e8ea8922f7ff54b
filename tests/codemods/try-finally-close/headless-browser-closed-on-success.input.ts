import puppeteer from 'puppeteer-core';

// A browser closed only after the page work: a render that throws leaves Chromium running.
export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium' });
  const page = await browser.newPage();
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A4' });
  await browser.close();
  return pdf;
}
