import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('lessons load their experiment and paragraph; presenter mode fits network, charts and pad on 1280×720', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openReady(page);
  await page.getByTestId('ui.lesson').selectOption('no-hidden-layer');
  await expect(page.getByTestId('builder.params')).toHaveText('7850');
  await expect(page.getByTestId('ui.lesson-text')).toContainText('weighted sum of pixels');
  await page.getByTestId('ui.lesson').selectOption('lr-too-high');
  await expect(page.getByTestId('builder.params')).toHaveText('101770');
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('5');
  await expect(page.getByTestId('hp.optimizer')).toHaveValue('sgd');

  // Explanations sit next to what they explain and open on demand.
  await expect(page.getByText('each step overshoots the valley')).toBeHidden();
  await page.getByLabel('Explain: Learning rate and gradient descent').click();
  await expect(page.getByText('each step overshoots the valley')).toBeVisible();
  await page.getByLabel('Explain: Learning rate and gradient descent').click();

  const toggle = page.getByTestId('ui.presenter');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 60_000 });
  for (const id of ['draw.pad', 'builder.params', 'train.start', 'metrics.train-loss']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.y + box.height, `${id} visible without scrolling`).toBeLessThanOrEqual(720);
  }
  await expect(page.getByRole('figure', { name: 'Training loss per batch' })).toBeInViewport();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
});
