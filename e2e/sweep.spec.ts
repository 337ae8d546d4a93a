import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('a 3-value learning-rate sweep trains three runs together, summarises them, and "use this" applies the best rate', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('sweep.open').click();
  await page.getByTestId('sweep.param').selectOption('learningRate');
  await page.getByTestId('sweep.values').fill('0.0003, 0.003, 0.03');
  await page.getByTestId('sweep.epochs').fill('1');
  await page.getByTestId('sweep.start').click();
  await expect(page.getByTestId('sweep.progress')).toHaveText('0/3');

  // Interleaved: all three runs are listed and overlaid, and more than one has trained before any finishes.
  const items = page.getByTestId('runs.item');
  await expect(items).toHaveCount(3);
  await page.getByTestId('chart.loss').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart.loss')).toHaveAttribute('data-series', '4'); // the live run + 3 sweep runs
  await expect(page.getByTestId('chart.loss').locator('.recharts-line path.recharts-curve')).not.toHaveCount(0);
  await expect(page.getByTestId('chart.loss').locator('.recharts-line path.recharts-curve')).toHaveCount(3, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('sweep.progress')).toHaveText('0/3');

  await expect(page.getByTestId('sweep.progress')).toHaveText('3/3', { timeout: 240_000 });
  await expect(page.getByTestId('runs.best-acc')).toHaveText([/^0\.\d{4}$/, /^0\.\d{4}$/, /^0\.\d{4}$/]);
  const summary = page.getByTestId('sweep.summary');
  await expect(summary).toBeVisible();
  await expect(summary).toHaveAttribute('data-points', '3');
  await summary.scrollIntoViewIfNeeded(); // charts off screen wait to redraw until they are seen
  await expect(summary.locator('.recharts-line-dots circle, .recharts-dot')).toHaveCount(3);

  // The best value is the one with the highest final accuracy among the runs listed.
  const best = (await page.getByTestId('sweep.best').textContent())!.trim();
  const rows = await items.evaluateAll((els) =>
    els.map((el) => ({
      name: el.textContent ?? '',
      acc: Number(el.querySelector('[data-testid="runs.best-acc"]')?.textContent),
    })),
  );
  const top = rows.reduce((a, b) => (b.acc > a.acc ? b : a));
  expect(top.name).toContain(`lr ${best}`);
  await page.getByTestId('sweep.use-best').click();
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue(best);
});

test('a sweep can be stopped: finished runs stay, the form comes back', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('sweep.open').click();
  await page.getByTestId('sweep.values').fill('0.001, 0.01');
  await page.getByTestId('sweep.order').selectOption('sequential');
  await page.getByTestId('sweep.epochs').fill('1');
  await page.getByTestId('sweep.start').click();
  await expect(page.getByTestId('sweep.progress')).toHaveText('1/2', { timeout: 240_000 });
  await page.getByTestId('sweep.cancel').click();
  await expect(page.getByText('Stopped')).toBeVisible();
  await expect(page.getByTestId('sweep.progress')).toHaveText('1/2');
  await expect(page.getByTestId('runs.item')).toHaveCount(2);
  await expect(page.getByTestId('runs.best-acc').filter({ hasText: /^0\.\d{4}$/ })).toHaveCount(1);
  await expect(page.getByTestId('sweep.open')).toBeEnabled();
  // A bad value is explained before anything trains.
  await page.getByTestId('sweep.values').fill('0.01, banana');
  await page.getByTestId('sweep.start').click();
  await expect(page.getByTestId('sweep.problem')).toContainText('"banana" is not a value');
});
