import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

type Debug = { loseBackend: () => void; killWorker: () => void };
const debug = (page: Page, fn: keyof Debug) => page.evaluate((f) => (window as unknown as { playgroundDebug: Debug }).playgroundDebug[f](), fn);
const batch = async (page: Page) => Number(await page.getByTestId('status.batch').textContent());

test('losing the WebGL context mid-training moves to another backend and keeps training', async ({ page }) => {
  await openReady(page);
  const select = page.getByTestId('train.backend');
  test.skip((await select.locator('option[value="webgl"]').count()) === 0, 'this Chromium offers no WebGL');
  await select.selectOption('webgl');
  await expect(page.getByTestId('status.backend')).toHaveText('webgl');
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(20);

  await debug(page, 'loseBackend');
  await expect(page.getByTestId('ui.notice')).toContainText('The webgl backend stopped working', { timeout: 60_000 });
  await expect(page.getByTestId('ui.notice')).toContainText('continues from the weights saved at batch');
  await expect(page.getByTestId('status.backend')).not.toHaveText('webgl');
  await expect(page.getByTestId('status.state')).toHaveText('training');
  const after = await batch(page);
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(after + 20);
  expect(Number(await page.getByTestId('metrics.train-loss').textContent())).toBeLessThan(1.5); // not back to random
});

test('a worker that dies is replaced and continues from the last snapshot', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(100);
  const before = await batch(page);

  await debug(page, 'killWorker');
  await expect(page.getByTestId('ui.notice')).toContainText('stopped responding', { timeout: 60_000 });
  await expect(page.getByTestId('ui.notice')).toContainText('continues from the weights saved at batch');
  await expect(page.getByTestId('status.state')).toHaveText('training', { timeout: 120_000 });
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(before);
  expect(Number(await page.getByTestId('metrics.train-loss').textContent())).toBeLessThan(1);
});
