// Measures, in headless Chromium like a person's browser, the wall time from pressing Train to 97.5% test
// accuracy for training recipes given as JSON: [{"optimizer":"adam","learningRate":0.002,"batchSize":64}]
// (optional: schedule, epochLimit, augment).
// Needs the app served (npm run build && npm run preview). Usage: node scripts/timeTo975.mjs [url] [recipes]
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const recipes = JSON.parse(process.argv[3] ?? '[{"optimizer":"adam","learningRate":0.002,"batchSize":64}]');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
for (const r of recipes) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('status.state').filter({ hasText: 'ready' }).waitFor({ timeout: 120_000 });
  await page.getByTestId('hp.optimizer').selectOption(r.optimizer);
  await page.getByTestId('hp.batch-size').selectOption(String(r.batchSize));
  await page.getByTestId('hp.learning-rate').fill(String(r.learningRate));
  if (r.schedule) await page.getByTestId('hp.schedule').selectOption(r.schedule);
  if (r.augment) await page.getByTestId('hp.augment').selectOption(r.augment);
  if (r.epochLimit) {
    await page.getByTestId('hp.epoch-limit').fill(String(r.epochLimit));
    await page.getByTestId('hp.epoch-limit').press('Enter');
  }
  const backend = await page.getByTestId('status.backend').textContent();
  const t0 = Date.now();
  await page.getByTestId('train.start').click();
  const epochs = [];
  let reached = null;
  for (let e = 1; e <= (r.epochLimit || 12) && reached === null; e++) {
    await page
      .getByTestId('status.epoch')
      .filter({ hasText: new RegExp(`^${e}$`) })
      .waitFor({ timeout: 300_000 });
    const acc = Number(await page.getByTestId('metrics.test-accuracy').textContent());
    const s = (Date.now() - t0) / 1000;
    epochs.push({ epoch: e, acc, s });
    if (acc >= 0.975) reached = { epoch: e, s };
  }
  const eps = await page.getByTestId('status.examples-per-second').textContent();
  console.log(JSON.stringify({ ...r, backend, reached, examplesPerSecond: Number(eps), epochs }));
  await page.close();
}
await browser.close();
