import { defineConfig } from '@playwright/test';
export default defineConfig({
  testDir: '.',
  testMatch: 'shots.tmp.spec.ts',
  workers: 1,
  reporter: [['list']],
  use: { launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }, serviceWorkers: 'block' },
});
