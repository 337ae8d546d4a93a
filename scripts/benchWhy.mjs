/* global window */
// npm run bench:why: what "Why did it say that?" costs while training, in headless Chromium as a person runs it.
// For the founding MLP and the small CNN (batch 128, Adam 0.002, seed 42, the page's backend): training
// examples/s with the view closed and open, in alternating rounds of SAMPLE_S seconds (a test image on the pad,
// so saliency and the map's star are live), and the longest main-thread task in each state.
// Usage: npm run build && node scripts/benchWhy.mjs [--rounds=3] [--sample=15] [--preset=mlp-seed]
import { chromium } from '@playwright/test';
import { startPreview } from './previewServer.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ROUNDS = Number(arg('rounds') ?? 3);
const SAMPLE_S = Number(arg('sample') ?? 15);
const PORT = 4191;
const base = `http://127.0.0.1:${PORT}/`;
const HASH = {
  'mlp-seed': '#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42',
  'cnn-small': '#v=1&net=c8.3.2.same.relu,c16.3.2.same.relu,f,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42',
};
const presets = arg('preset') ? [arg('preset')] : Object.keys(HASH);

await startPreview(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const sleep = (s) => new Promise((r) => setTimeout(r, s * 1000));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const preset of presets) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // --reduced: the map's frames replace each other without sliding (as with prefers-reduced-motion).
  if (process.argv.includes('--reduced')) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(base + HASH[preset]);
  await page.getByTestId('status.state').filter({ hasText: 'ready' }).waitFor({ timeout: 300_000 });
  await page.getByTestId('draw.sample').click();
  await page.getByTestId('draw.prediction').filter({ hasText: /\d/ }).waitFor();
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
      type: 'longtask',
    });
  });
  const batch = async () => Number(await page.getByTestId('status.batch').textContent());
  await page.getByTestId('train.start').click();
  await sleep(8); // warm: first compiles, first evaluation programs
  const rate = { closed: [], open: [] };
  const longest = { closed: 0, open: 0 };
  let backend = '';
  for (let r = 0; r < ROUNDS; r++)
    for (const state of ['closed', 'open']) {
      if (state === 'open') {
        await page.getByTestId('why.open').click();
        await page.getByTestId('why.map').and(page.locator('[data-points="2000"]')).waitFor({ timeout: 120_000 });
      } else if (await page.getByTestId('why.panel').count()) await page.getByTestId('why.close').click();
      await page.evaluate(() => (window.__longTasks = []));
      const [b0, t0] = [await batch(), Date.now()];
      await sleep(SAMPLE_S);
      const [b1, t1] = [await batch(), Date.now()];
      rate[state].push(((b1 - b0) * 128 * 1000) / (t1 - t0));
      longest[state] = Math.max(longest[state], ...(await page.evaluate(() => window.__longTasks)), 0);
      backend = (await page.getByTestId('status.backend').textContent()) ?? '';
    }
  const [c, o] = [median(rate.closed), median(rate.open)];
  console.log(
    `${preset} on ${backend}: examples/s closed ${rate.closed.map(Math.round).join(', ')} (median ${Math.round(c)}); ` +
      `open ${rate.open.map(Math.round).join(', ')} (median ${Math.round(o)}): ${((100 * (o - c)) / c).toFixed(1)}%; ` +
      `longest main-thread task closed ${Math.round(longest.closed)} ms, open ${Math.round(longest.open)} ms`,
  );
  await page.close();
}
await browser.close();
process.exit(0);
