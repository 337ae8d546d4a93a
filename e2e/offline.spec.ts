import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app and the MNIST data load and train with the network off', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  // The service worker has stored the app shell; the training worker has stored the data it downloaded.
  await expect(page.getByTestId('ui.offline-ready')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('mnist-data-v1')).keys()).length))
    .toBe(4);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('status.error')).toHaveCount(0);
  // The network really is off: a file nothing has cached cannot be fetched. (navigator.onLine is no witness:
  // Chromium 150 reports true after a reload under Playwright's offline emulation although requests fail.)
  const probe = await page.evaluate(() =>
    fetch(`/data/manifest.json?probe=${Date.now()}`, { cache: 'no-store' }).then(
      () => 'fetched',
      () => 'failed',
    ),
  );
  expect(probe).toBe('failed');
  await page.getByTestId('train.start').click();
  await expect
    .poll(async () => Number(await page.getByTestId('status.batch').textContent()), { timeout: 60_000 })
    .toBeGreaterThan(20);
  await page.getByTestId('train.pause').click();
  await page.getByTestId('draw.sample').click();
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^[0-9]$/);
  await context.setOffline(false);
});
