import { defineConfig } from '@playwright/test';

// Debian's Chromium (apt-get install chromium): this machine cannot download Playwright's own browser.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = 4173;
/** The built site as a plain static host serves it, under a sub-path (scripts/serveStatic.mjs, e2e/static.spec.ts). */
const STATIC_PORT = Number(process.env.STATIC_PORT ?? 4174);
process.env.STATIC_BASE_URL ??= `http://127.0.0.1:${STATIC_PORT}/courses/ml/playground/`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1, // training saturates both cores; parallel tests would only slow each other down
  retries: 0, // a flaky test is a failing test: retries would hide it
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    // The app's service worker would hide requests from page.route(); offline.spec.ts turns it back on.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node scripts/serveStatic.mjs --port ${STATIC_PORT} --base /courses/ml/playground/`,
      url: process.env.STATIC_BASE_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
