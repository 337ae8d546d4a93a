/* global document, window */
// Screenshots of the first screen at the sizes a class uses (projector, laptops, a large screen, a tablet
// upright), in English and Chinese, after a digit was drawn: `node scripts/layoutShots.mjs URL OUTDIR PREFIX`.
// Used for the before/after pictures in docs/layout/.
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [url = 'http://127.0.0.1:4173/', out = 'docs/layout', prefix = 'after'] = process.argv.slice(2);
const SIZES = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [768, 1024],
];
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const lang of ['en', 'zh-CN'])
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${url}#lang=${lang}`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="status.state"]')?.textContent === 'ready',
      null,
      {
        timeout: 180_000,
      },
    );
    const pad = page.getByTestId('draw.pad');
    await pad.scrollIntoViewIfNeeded();
    const b = await pad.boundingBox();
    await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.25);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width * 0.7, b.y + b.height * 0.25, { steps: 8 });
    await page.mouse.move(b.x + b.width * 0.45, b.y + b.height * 0.8, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('[data-testid="draw.prediction"]')?.textContent !== '');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/${prefix}-${width}x${height}-${lang === 'en' ? 'en' : 'zh'}.png` });
    await page.close();
  }
await browser.close();
