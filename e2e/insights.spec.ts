import { expect, test } from '@playwright/test';
import { drawStroke, openReady } from './helpers';

test('after an epoch: a 10×10 confusion matrix of 10,000 images, its cells open their images, histograms move', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  const layer = page.locator('[data-testid="insight.histogram"][data-layer="1"]');
  await expect(layer).toHaveAttribute('data-counts', /\d/, { timeout: 60_000 });
  const early = await layer.getAttribute('data-counts');
  await expect(page.getByTestId('insight.confusion')).toBeVisible({ timeout: 150_000 });
  const late = await layer.getAttribute('data-counts');
  expect(late).not.toEqual(early); // the weight distribution changed while training
  await expect(layer.getByTestId('insight.update-ratio')).toHaveText(/\d\.\de[-+]\d/);
  await expect(layer.getByTestId('insight.dead-relu')).toHaveText(/%/);
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');

  const counts: number[][] = [];
  for (let a = 0; a < 10; a++) {
    counts.push([]);
    for (let p = 0; p < 10; p++)
      counts[a].push(Number(await page.getByTestId(`insight.confusion-${a}-${p}`).textContent()));
  }
  expect(counts.flat().reduce((s, n) => s + n, 0)).toBe(10_000);
  const diagonal = counts.reduce((s, row, i) => s + row[i], 0);
  expect(diagonal / 10_000).toBeCloseTo(Number(await page.getByTestId('metrics.test-accuracy').textContent()), 4);

  // The biggest mistake cell: its images appear, as many as it counts (up to the 48 shown).
  let best = [0, 1];
  for (let a = 0; a < 10; a++)
    for (let p = 0; p < 10; p++) if (a !== p && counts[a][p] > counts[best[0]][best[1]]) best = [a, p];
  const n = counts[best[0]][best[1]];
  expect(n).toBeGreaterThan(0);
  await page.getByTestId(`insight.confusion-${best[0]}-${best[1]}`).click();
  await expect(page.getByTestId('insight.gallery-item')).toHaveCount(Math.min(n, 48));
  await expect(page.getByText(`${best[0]}s taken for ${best[1]}s: ${n} image`)).toBeVisible();
});

test('what each layer sees follows the drawing', async ({ page }) => {
  await openReady(page);
  await drawStroke(page, [
    [0.3, 0.3],
    [0.7, 0.3],
    [0.5, 0.8],
  ]);
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^\d$/);
  await expect(page.getByRole('img', { name: /the input image flattened/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^2\. Dense: 128 outputs/ })).toBeVisible();
  await page.getByTestId('draw.clear').click();
  await expect(page.getByText('Draw a digit to see what each layer makes of it.')).toBeVisible();
});
