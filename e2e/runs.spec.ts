import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('train, Reset, train again: two runs listed, overlaid on the charts, exported as CSV, kept in a saved session', async ({
  page,
  context,
}) => {
  await openReady(page);
  const steps = async (n: number) => {
    for (let i = 1; i <= n; i++) {
      await page.getByTestId('train.step').click();
      await expect(page.getByTestId('status.batch')).toHaveText(String(i));
    }
  };
  await steps(3);
  await expect(page.getByTestId('runs.item')).toHaveCount(1);
  await expect(page.getByTestId('runs.best-acc')).toHaveText(''); // no epoch yet
  page.once('dialog', (d) => void d.accept()); // Reset asks before throwing trained weights away
  await page.getByTestId('train.reset').click();
  await expect(page.getByTestId('status.batch')).toHaveText('0');
  await page.getByTestId('hp.learning-rate').fill('0.03');
  await page.getByTestId('hp.learning-rate').press('Enter');
  await steps(2);

  const items = page.getByTestId('runs.item');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('lr 0.03'); // newest first, named from what differs
  await expect(items.nth(1)).toContainText('lr 0.01');
  await expect(page.getByTestId('chart.loss')).toHaveAttribute('data-series', '1');
  await items.nth(1).getByTestId('runs.overlay').check();
  await expect(page.getByTestId('chart.loss')).toHaveAttribute('data-series', '2');
  await expect(page.getByTestId('chart.accuracy')).toHaveAttribute('data-series', '3');
  // Drawn by recharts: one line per run in the loss chart's SVG.
  await expect(page.getByTestId('chart.loss').locator('.recharts-line')).toHaveCount(2);
  // The x axis can count examples seen, epochs or training seconds instead of batches; the overlay stays.
  await page.getByTestId('charts.x-axis').selectOption('epochs');
  await expect(page.getByTestId('chart.loss')).toHaveAttribute('data-series', '2');
  await page.getByTestId('charts.x-axis').selectOption('batches');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('runs.export-csv').click()]);
  const rows = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(rows[0]).toContain('run_id,name');
  expect(rows).toHaveLength(3); // a row per run (no epochs yet)

  // Saved with the session, the runs come back in a fresh page.
  await page.getByTestId('io.save').click();
  await expect(page.getByTestId('io.message')).toContainText('Saved');
  const later = await context.newPage();
  await later.goto('/');
  await expect(later.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await later.getByTestId('io.open').click();
  await later.getByTestId('io.saved-item').first().getByRole('button', { name: 'Open' }).click();
  await expect(later.getByTestId('status.batch')).toHaveText('2', { timeout: 60_000 });
  // The two saved runs; the one that was training when saved continues (not a third).
  await expect(later.getByTestId('runs.item')).toHaveCount(2);
  await expect(later.getByTestId('runs.item').first()).toContainText('lr 0.03');
});
