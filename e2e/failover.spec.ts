import { expect, test, type Page } from '@playwright/test';
import { openReady, testAccuracy } from './helpers';

type Debug = { loseBackend: () => void; killWorker: () => void };
const debug = (page: Page, fn: keyof Debug) =>
  page.evaluate((f) => (window as unknown as { playgroundDebug: Debug }).playgroundDebug[f](), fn);
const batch = async (page: Page) => Number(await page.getByTestId('status.batch').textContent());

test('losing the WebGL context mid-training moves to another backend and keeps training', async ({ page }) => {
  await openReady(page);
  const select = page.getByTestId('train.backend');
  test.skip((await select.locator('option[value="webgl"]').count()) === 0, 'this Chromium offers no WebGL');
  await select.selectOption('webgl');
  await expect(page.getByTestId('status.backend')).toHaveText('webgl');
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(60);
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  const before = await testAccuracy(page);
  expect(before).toBeGreaterThan(0.8);

  await page.getByTestId('train.start').click();
  await debug(page, 'loseBackend');
  await expect(page.getByTestId('ui.notice')).toContainText('The webgl backend stopped working', { timeout: 60_000 });
  await expect(page.getByTestId('ui.notice')).toContainText('continues from the weights saved at batch');
  await expect(page.getByTestId('status.backend')).not.toHaveText('webgl');
  // At once after the move the model knows what it knew (fresh weights a few batches in would be far below).
  await page.getByTestId('train.pause').click();
  expect(await testAccuracy(page)).toBeGreaterThanOrEqual(before - 0.05);
  await page.getByTestId('train.start').click();
  const after = await batch(page);
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(after + 20);
});

test('a worker that dies is replaced and continues from the last snapshot', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(100);
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  const accuracy = await testAccuracy(page);
  expect(accuracy).toBeGreaterThan(0.8);
  const before = await batch(page);

  // The page restarts from its last snapshot (at most ~5 s older than the pause); fresh weights would be at ~10%.
  await debug(page, 'killWorker');
  await expect(page.getByTestId('ui.notice')).toContainText('stopped responding', { timeout: 60_000 });
  await expect(page.getByTestId('ui.notice')).toContainText('continues from the weights saved at batch');
  await expect(page.getByTestId('status.state')).toHaveText(/ready|paused/, { timeout: 120_000 });
  expect(await testAccuracy(page)).toBeGreaterThanOrEqual(accuracy - 0.15);
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(before);
});
