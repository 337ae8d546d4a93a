import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

test('on a tablet-sized screen a finger draws a digit without scrolling the page', async ({ page }) => {
  await openReady(page);
  const pad = page.getByTestId('draw.pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const scrollBefore = await page.evaluate(() => window.scrollY);
  // A real touch gesture through the DevTools protocol: start, move down the pad, end.
  const cdp = await page.context().newCDPSession(page);
  const x = box.x + box.width / 2;
  const at = (f: number) => [{ x, y: box.y + box.height * f }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0.2) });
  for (let i = 1; i <= 12; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(0.2 + (0.6 * i) / 12) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^\d$/);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(768); // no sideways scrolling at 768 px
});
