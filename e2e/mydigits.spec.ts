// The data lab as a class uses it: ten real pen digits drawn on the pad and kept as "my digits", tested after an
// epoch beside MNIST, saved to a file, cleared and opened again; a digit left out of training; training with my
// digits; a hostile file refused with the set kept.
import { expect, test, type Page } from '@playwright/test';
import { drawDigit, openReady, tenDigits } from './helpers';

/** Draws the ten pen digits and adds each with its true label. */
async function addTen(page: Page) {
  for (const d of await tenDigits()) {
    await drawDigit(page, d);
    await page.getByTestId('mydigits.label').selectOption(String(d.label));
    await page.getByTestId('mydigits.add').click();
  }
  await expect(page.getByTestId('mydigits.count')).toHaveText('10');
}

/** Trains until the epoch limit (1) pauses it, and returns the MNIST test accuracy. */
async function trainOneEpoch(page: Page): Promise<number> {
  await page.getByTestId('hp.epoch-limit').fill('1');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 150_000 });
  const text = await page.getByTestId('metrics.test-accuracy').textContent();
  return Number(text);
}

test('my digits: add ten, train an epoch, their accuracy appears; download, clear and open brings them back', async ({
  page,
}) => {
  await openReady(page);
  await expect(page.getByTestId('metrics.mydigits-accuracy')).toHaveText('');
  await addTen(page);
  // The label select follows the next drawing's prediction again.
  const items = page.getByTestId('mydigits.item');
  await expect(items).toHaveCount(10);
  for (let d = 0; d < 10; d++)
    await expect(page.locator(`[data-testid="mydigits.item"][data-label="${d}"]`)).toHaveCount(1);
  // Adding the same drawing twice keeps one.
  await page.getByTestId('mydigits.add').click();
  await expect(page.getByTestId('mydigits.count')).toHaveText('10');

  await trainOneEpoch(page);
  await expect(page.getByTestId('metrics.mydigits-accuracy')).toHaveText(/^(0\.\d{4}|1\.0000)$/);
  const mine = Number(await page.getByTestId('metrics.mydigits-accuracy').textContent());
  expect(mine).toBeGreaterThanOrEqual(0.5); // clean pen digits, one epoch of the default recipe
  await expect(page.getByTestId('chart.accuracy')).toHaveAttribute('data-series', '3'); // train, test, your digits

  const downloading = page.waitForEvent('download');
  await page.getByTestId('mydigits.download').click();
  const file = await (await downloading).path();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('mydigits.clear').click();
  await expect(page.getByTestId('mydigits.count')).toHaveText('0');
  await expect(items).toHaveCount(0);
  await page.getByTestId('mydigits.file-input').setInputFiles(file);
  await expect(page.getByTestId('mydigits.count')).toHaveText('10');
  for (let d = 0; d < 10; d++)
    await expect(page.locator(`[data-testid="mydigits.item"][data-label="${d}"]`)).toHaveCount(1);
  // Opening the same file again adds nothing: duplicates are dropped.
  await page.getByTestId('mydigits.file-input').setInputFiles(file);
  await expect(page.getByTestId('io.message')).toContainText('0 digits added');
  await expect(page.getByTestId('mydigits.count')).toHaveText('10');

  // A hostile file is refused whole with a message; the set stays.
  await page.getByTestId('mydigits.file-input').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'mnist-playground-digits',
        version: 1,
        digits: [
          { label: 1, pixels: 'A'.repeat(1044) + 'AA==' },
          { label: '<img src=x onerror=alert(1)>', pixels: '' },
        ],
      }),
    ),
  });
  await expect(page.getByTestId('io.error')).toContainText('digit 2');
  await expect(page.getByTestId('mydigits.count')).toHaveText('10');

  // Kept in the browser: a reload finds them.
  page.once('dialog', (d) => void d.accept());
  await page.reload();
  await expect(page.getByTestId('mydigits.count')).toHaveText('10', { timeout: 60_000 });
});

test('a digit left out of training is not learned: digit 3 scores at most 0.05 after one epoch', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('data.remove-digit').selectOption('3');
  await expect(page).toHaveURL(/rm=3/);
  await expect(page.getByTestId('data.digit-keep')).toHaveValue('0');
  const acc = await trainOneEpoch(page);
  expect(acc).toBeGreaterThan(0.8); // the nine others are learned
  const perDigit = page.getByTestId('metrics.per-digit-accuracy');
  await expect(perDigit).toBeVisible();
  expect(Number(await perDigit.getAttribute('data-digit-3'))).toBeLessThanOrEqual(0.05);
  expect(Number(await perDigit.getAttribute('data-digit-1'))).toBeGreaterThan(0.9);
});

test('training with my digits leaves the MNIST test accuracy within half a point', async ({ page }) => {
  await openReady(page);
  await addTen(page);
  const without = await trainOneEpoch(page);
  await page.getByTestId('train.reset').click();
  await expect(page.getByTestId('status.batch')).toHaveText('0');
  await page.getByTestId('mydigits.train-with').check();
  await expect(page).toHaveURL(/mine=1/);
  const withMine = await trainOneEpoch(page);
  expect(Math.abs(withMine - without)).toBeLessThan(0.005);
  await expect(page.getByTestId('metrics.mydigits-accuracy')).toHaveText(/^(0\.\d{4}|1\.0000)$/);
});

test('a changed test set is evaluated beside the plain one', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('data.test-shift').selectOption('rotate');
  await expect(page.getByTestId('data.test-shift-amount')).toHaveValue('30');
  await expect(page).toHaveURL(/ts=rotate&tsa=30/);
  await page.getByTestId('data.label-noise').fill('0.2');
  await expect(page).toHaveURL(/noise=0.2/);
  await trainOneEpoch(page);
  await expect(page.getByTestId('chart.accuracy')).toHaveAttribute('data-series', '3'); // train, test, rotated
  await expect(page.getByTestId('chart.accuracy').locator('.legend')).toContainText('rotated digits');
});
