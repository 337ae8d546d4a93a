import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('save a session in the browser and as a file, open both later and continue; bad files change nothing', async ({
  page,
  context,
}) => {
  await openReady(page);
  await page.getByTestId('builder.preset').selectOption('logistic');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 60_000 });
  await page.getByTestId('hp.learning-rate').fill('0.005');
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('train.step').click();
    await expect(page.getByTestId('status.batch')).toHaveText(String(i));
  }
  const loss = await page.getByTestId('metrics.train-loss').textContent();
  await page.getByTestId('io.name').fill('Logistic, 3 steps');
  await page.getByTestId('io.save').click();
  await expect(page.getByTestId('io.message')).toContainText('Saved "Logistic, 3 steps"');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('io.download-session').click()]);
  const sessionPath = (await file.path())!;
  expect(JSON.parse(readFileSync(sessionPath, 'utf8')).format).toBe('mnist-playground-session');

  // A new tab with the default network: open the saved session from the browser.
  const later = await context.newPage();
  await later.goto('/');
  await expect(later.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await later.getByTestId('io.open').click();
  await expect(later.getByTestId('io.saved-item').first()).toContainText('Logistic, 3 steps');
  await later.getByTestId('io.saved-item').first().getByRole('button', { name: 'Open' }).click();
  await expect(later.getByTestId('builder.preset')).toHaveValue('logistic');
  await expect(later.getByTestId('status.batch')).toHaveText('3', { timeout: 60_000 });
  await expect(later.getByTestId('hp.learning-rate')).toHaveValue('0.005');
  await expect(later.getByTestId('metrics.train-loss')).toHaveText(loss!);
  await later.getByTestId('train.step').click();
  await expect(later.getByTestId('status.batch')).toHaveText('4'); // continues where it stopped

  // A bad file: clear message, nothing changes.
  await later.getByTestId('io.file-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"mnist-playground-session","version":1'),
  });
  await expect(later.getByTestId('io.error')).toContainText('not JSON');
  await expect(later.getByTestId('status.batch')).toHaveText('4');
  await expect(later.getByTestId('builder.preset')).toHaveValue('logistic');

  // The downloaded file opens in a fresh page too.
  const third = await context.newPage();
  await third.goto('/');
  await expect(third.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await third.getByTestId('io.file-input').setInputFiles(sessionPath);
  await expect(third.getByTestId('status.batch')).toHaveText('3', { timeout: 60_000 });
  await expect(third.getByTestId('builder.params')).toHaveText('7850');
});
