import { expect, test } from '@playwright/test';
import { drawDigit, tenDigits } from './e2e/helpers';

test.use({ viewport: { width: 1400, height: 900 } });

test('shots: my digits', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('http://127.0.0.1:4195/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  for (const src of ['ibm', 'gmd', 'val']) {
    for (const d of await tenDigits(src)) {
      await drawDigit(page, d);
      await page.getByTestId('mydigits.label').selectOption(String(d.label));
      await page.getByTestId('mydigits.add').click();
    }
  }
  await page.getByTestId('hp.epoch-limit').fill('2');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 300_000 });
  await page.waitForTimeout(1500);
  await page.locator('.panel-right').screenshot({ path: 'docs/shots.tmp/mydigits-panel-epoch2.png' });
  await page.getByTestId('mydigits.train-with').check();
  await page.getByTestId('hp.epoch-limit').fill('4');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 300_000 });
  await page.locator('.panel-right').screenshot({ path: 'docs/shots.tmp/mydigits-panel.png' });
  await page.getByTestId('chart.accuracy').screenshot({ path: 'docs/shots.tmp/accuracy-two-curves.png' });
  await page.locator('.panel-center').screenshot({ path: 'docs/shots.tmp/center.png' });
  await page.screenshot({ path: 'docs/shots.tmp/full.png' });
});

test('shots: noise sweep', async ({ page }) => {
  test.setTimeout(900_000);
  await page.goto('http://127.0.0.1:4195/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('ui.lesson').selectOption('garbage-in');
  await page.getByTestId('lesson.sweep-start').click();
  await expect(page.getByTestId('sweep.progress')).toHaveText('4/4', { timeout: 800_000 });
  await expect(page.getByTestId('sweep.summary')).toHaveAttribute('data-points', '4');
  await page.getByTestId('sweep.summary').scrollIntoViewIfNeeded();
  await page.waitForTimeout(3000);
  await page.locator('.panel-center').screenshot({ path: 'docs/shots.tmp/noise-sweep.png' });
  const rows = await page.getByTestId('runs.item').allTextContents();
  console.log(rows.join('\n'));
});

test('shots: data settings', async ({ page }) => {
  await page.goto('http://127.0.0.1:4195/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('data.label-noise').fill('0.2');
  await page.getByTestId('data.plant-from').selectOption('7');
  await page.getByTestId('data.remove-digit').selectOption('3');
  await page.getByTestId('data.test-shift').selectOption('rotate');
  await page.locator('.data-lab').scrollIntoViewIfNeeded();
  await page.locator('.data-lab').screenshot({ path: 'docs/shots.tmp/data-settings.png' });
  console.log(page.url());
  await page.getByTestId('ui.language').selectOption('zh-CN').catch(() => undefined);
  await page.locator('.data-lab').screenshot({ path: 'docs/shots.tmp/data-settings-zh.png' });
});
