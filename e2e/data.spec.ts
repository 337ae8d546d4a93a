import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

test('shows download progress while the dataset loads', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route('**/data/train-images.idx.gz', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/');
  const bar = page.getByTestId('data.progress');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('role', 'progressbar');
  await expect(page.getByTestId('status.state')).toHaveText('loading');
  expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
  release();
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(bar).toHaveCount(0);
});

const cases: { name: string; file: string; body: () => Buffer; status?: number; message: RegExp }[] = [
  {
    name: 'missing',
    file: 'train-labels.idx.gz',
    body: () => Buffer.from('Not found'),
    status: 404,
    message: /train-labels\.idx\.gz \(HTTP 404\)/,
  },
  {
    name: 'truncated',
    file: 'test-images.idx.gz',
    body: () => readFileSync('public/data/test-images.idx.gz').subarray(0, 200_000),
    message: /test-images\.idx\.gz is corrupt or truncated/,
  },
  {
    // An image file's first bytes where the labels belong: the right size, the wrong header.
    name: 'corrupt (wrong kind of file)',
    file: 'test-labels.idx.gz',
    body: () => gzipSync(gunzipSync(readFileSync('public/data/test-images.idx.gz')).subarray(0, 10008)),
    message: /damaged: test-labels: not an IDX label file/,
  },
  {
    name: 'too large (another file entirely)',
    file: 'test-labels.idx.gz',
    body: () => readFileSync('public/data/test-images.idx.gz'),
    message: /test-labels\.idx\.gz is larger than that MNIST file can be/,
  },
  {
    // 200 MB of zeros in 0.2 MB: gunzipping stops at the file's known size (47 MB) instead of allocating it all.
    name: 'gzip bomb',
    file: 'train-images.idx.gz',
    body: () => gzipSync(Buffer.alloc(200 * 2 ** 20)),
    message: /train-images\.idx\.gz is larger than that MNIST file can be \(45 MB at most\)/,
  },
];

for (const c of cases) {
  test(`a ${c.name} data file gives a clear message and Retry recovers`, async ({ page }) => {
    let broken = true;
    await page.route(`**/data/${c.file}`, async (route) => {
      if (!broken) return route.continue();
      await route.fulfill({ status: c.status ?? 200, body: c.body(), contentType: 'application/gzip' });
    });
    await page.goto('/');
    await expect(page.getByTestId('status.state')).toHaveText('error', { timeout: 120_000 });
    await expect(page.getByTestId('status.error')).toHaveText(c.message);
    await expect(page.getByTestId('train.start')).toBeDisabled();
    broken = false;
    await page.getByTestId('data.retry').click();
    await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
    await expect(page.getByTestId('status.error')).toHaveCount(0);
  });
}
