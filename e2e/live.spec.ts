import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

const num = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

test('learning rate and optimizer change mid-training without a reset, marked on the charts', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('metrics.test-accuracy')).toHaveText(/^0\.\d{4}$/, { timeout: 150_000 });
  const accuracy = await num(page, 'metrics.test-accuracy');
  expect(accuracy).toBeGreaterThan(0.9);
  const before = await num(page, 'status.batch');

  await page.getByTestId('hp.learning-rate').fill('0.0005');
  await expect(page.getByTestId('chart.marker')).toHaveCount(1);
  await expect(page.getByTestId('chart.marker').first()).toContainText('learning rate 0.01 → 0.0005');
  await page.getByTestId('hp.optimizer').selectOption('sgd');
  await expect(page.getByTestId('chart.marker')).toHaveCount(2);
  await expect(page.getByTestId('chart.marker').nth(1)).toContainText('optimizer adam → sgd');
  expect(Number(await page.getByTestId('chart.marker').first().getAttribute('data-batch'))).toBeGreaterThanOrEqual(
    before,
  );

  // Training goes on from where it was: the counter keeps rising and the loss stays low (a reset would jump to ~2.3).
  await expect.poll(() => num(page, 'status.batch')).toBeGreaterThan(before + 50);
  await expect(page.getByTestId('status.state')).toHaveText('training');
  expect(await num(page, 'metrics.train-loss')).toBeLessThan(0.5);
  await expect(page.getByTestId('status.epoch')).toHaveText('2', { timeout: 150_000 });
  expect(await num(page, 'metrics.test-accuracy')).toBeGreaterThan(accuracy - 0.01);
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
});

test('a learning rate of 1000 pauses training, explains, and restores the last good weights', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('metrics.test-accuracy')).toHaveText(/^0\.\d{4}$/, { timeout: 150_000 });
  const accuracy = await num(page, 'metrics.test-accuracy');

  await page.getByTestId('hp.learning-rate').fill('1000');
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 60_000 });
  const error = page.getByTestId('status.error');
  await expect(error).toContainText('diverged');
  // The rate the step used, rounded: the default cosine schedule has scaled the 1000 typed down by then.
  await expect(error).toContainText(/learning rate \d+(\.\d)?,/);
  await expect(error).toContainText('smaller');
  const restored = Number((await error.textContent())!.match(/test accuracy (0\.\d{4})/)![1]);
  expect(restored).toBeGreaterThan(accuracy - 0.02); // the weights from before the change came back
  await expect(page.getByTestId('chart.marker').last()).toContainText('diverged');
  expect(await num(page, 'metrics.train-loss')).toBeLessThan(50); // the blown-up losses are reported, not plotted
  await expect(page.getByTestId('builder.layer')).toHaveCount(3); // nothing the person built is lost

  // Fix the rate and carry on from the restored weights.
  await page.getByTestId('hp.learning-rate').fill('0.001');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('training');
  await expect(page.getByTestId('status.error')).toHaveCount(0);
});

test('an epoch limit stops training by itself', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('hp.epoch-limit').fill('1');
  await page.getByTestId('hp.batch-size').selectOption('512');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 150_000 });
  await expect(page.getByTestId('status.epoch')).toHaveText('1');
});
