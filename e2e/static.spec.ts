import { expect, test, type Page } from '@playwright/test';

// dist/ served by a plain static file server under a sub-path, with no COOP/COEP or CSP headers
// (scripts/serveStatic.mjs, started by playwright.config.ts): what a school's web server or GitHub Pages gives.
const SITE = process.env.STATIC_BASE_URL!;
const batch = async (page: Page) => Number(await page.getByTestId('status.batch').textContent());

test.use({ serviceWorkers: 'allow' });

test('under a sub-path of a plain server: isolated after one reload, trains on wasm, works offline, stays in its path', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  let loads = 0;
  page.on('load', () => loads++);

  await page.goto(SITE);
  // The service worker installs, takes the page, and the page reloads once to be served through it.
  await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 120_000 }).toBe(true);
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  expect(loads).toBe(2);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');

  // WebAssembly with threads where the machine has them (tfjs uses half the cores: 1 on a 2-core machine).
  await page.getByTestId('train.backend').selectOption('wasm');
  await expect(page.getByTestId('status.backend')).toHaveText('wasm', { timeout: 60_000 });
  const note = await page.getByTestId('status.backend').getAttribute('title');
  expect(note).toMatch(/\d+ threads?/);
  expect(note).not.toContain('not cross-origin isolated');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores >= 4) expect(note).toMatch(/[2-9] threads/);
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');

  // Offline after this first visit: the shell from the service worker, the data from the worker's cache.
  await expect(page.getByTestId('ui.offline-ready')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open('mnist-data-v1')).keys()).length))
    .toBe(4);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('status.state')).toHaveText(/ready|paused/, { timeout: 120_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const before = await batch(page);
  await page.getByTestId('train.step').click();
  await expect.poll(() => batch(page)).toBe(before + 1);
  await context.setOffline(false);
  expect(loads).toBe(3); // no reload loop

  // Every request stayed inside the site's own origin and path (blob: is the wasm threads' own code).
  const outside = requests.filter((u) => !u.startsWith(SITE) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(outside).toEqual([]);
  expect(requests.some((u) => u.startsWith(`${SITE}data/`))).toBe(true);
});

test('where isolation is impossible (no service worker) it loads once, trains single-threaded and says why', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(SITE);
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.getByTestId('train.backend').selectOption('wasm');
  await expect(page.getByTestId('status.backend')).toHaveText('wasm', { timeout: 60_000 });
  await expect(page.getByTestId('status.backend')).toHaveAttribute(
    'title',
    /single-threaded: the page is not cross-origin isolated/,
  );
  await page.getByTestId('train.step').click();
  await expect.poll(() => batch(page)).toBe(1);
  expect(loads).toBe(1);
  await context.close();
});
