import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

/** Serious and critical axe violations on the page as it is now. */
async function serious(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

test('no serious or critical accessibility violations on the main views', async ({ page }) => {
  await openReady(page);
  expect(await serious(page), 'ready').toEqual([]);

  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.epoch')).toHaveText('1', { timeout: 150_000 });
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  await page.getByTestId('insight.confusion-4-4').click();
  await expect(page.getByTestId('insight.gallery-item').first()).toBeVisible();
  expect(await serious(page), 'after an epoch, with the confusion matrix and gallery').toEqual([]);

  await page.getByTestId('ui.presenter').click();
  expect(await serious(page), 'presenter mode').toEqual([]);
  await page.getByTestId('ui.presenter').click();

  await page.getByTestId('ui.language').selectOption('zh-CN');
  await expect(page.getByTestId('train.start')).toHaveText('继续');
  await page.getByText('练习链接', { exact: true }).click();
  await page.getByTestId('ui.exercise-network').selectOption('locked');
  expect(await serious(page), 'in Chinese, with the exercise menu open and the network locked').toEqual([]);
});
