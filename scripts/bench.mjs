/* global window, document */
// npm run bench: measures the playground in headless Chromium the way a person's browser runs it.
// For each backend this Chromium offers (software WebGL/WebGPU through SwiftShader included) and for the
// presets mlp-seed and cnn-small: our training loop's examples/s next to a plain `model.fit` baseline run in the
// same worker on the same data at the same settings (batch 128, Adam 0.002, no augmentation), and their ratio.
// Then the wall time to 97.5% test accuracy: the default experiment as a person gets it (Train pressed), our
// loop with the baseline's recipe, and the tfjs-examples way (model.fit on 60,000 images, validation each epoch)
// with that recipe. Also main-thread long tasks (> 50 ms) while training and the main-thread bundle's gzip size.
// Prints a table; writes bench-results/bench-<date>-<commit>.json (committed: the README cites one run).
// Usage: npm run bench [-- --quick] [-- --backend=wasm] [-- --preset=mlp-seed] [-- --skip-time]
//        [-- --only=rows,charts,sweep,time]
// (node scripts/bench.mjs needs `npm run build` first; it starts its own preview server)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chartsWhileTraining, sweepOverhead } from './benchCharts.mjs';
import { mainThreadFiles } from './bundleFiles.mjs';
import { startPreview } from './previewServer.mjs';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const onlyBackend = arg('backend');
const onlyPreset = arg('preset');
const skipTime = process.argv.includes('--skip-time');
// --only=charts,sweep runs just those parts (the rows and time to 97.5% are skipped).
const only = arg('only')?.split(',') ?? null;
const part = (name) => !only || only.includes(name);
const PORT = 4190;
const REPEAT = Number(arg('repeat') ?? (quick ? 1 : 3));
// --dist=dist-before serves another build (e.g. the commit before a change, for before/after in one session).
const DIST = arg('dist') ?? 'dist';
const base = `http://127.0.0.1:${PORT}/`;
const SAMPLE_S = quick ? 6 : 12;
const WARM_S = quick ? 3 : 6;
const HASH = {
  default: '',
  'mlp-seed': '#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42',
  'cnn-small': '#v=1&net=c8.3.2.same.relu,c16.3.2.same.relu,f,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42',
};
const gpuFlags = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-webgpu-adapter=swiftshader',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

function mainBundleGzip() {
  const dist = resolve(root, DIST);
  return mainThreadFiles(dist).reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0);
}

const stop = await startPreview(PORT, DIST);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', ...gpuFlags],
});
const num = async (page, id) => Number(await page.getByTestId(id).textContent());

async function openPreset(preset) {
  const page = await browser.newPage();
  await page.goto(base + HASH[preset]);
  await page.getByTestId('status.state').filter({ hasText: 'ready' }).waitFor({ timeout: 300_000 });
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: false,
    });
  });
  return page;
}

/**
 * Our loop, measured like the baseline: warm (first-use shader compiles done: 3 batches, the first checkpoint
 * and the first insight refresh, which compiles the evaluation and statistics programs; at least WARM_S
 * seconds), then batches counted over SAMPLE_S seconds of wall time, with the whole page live (charts, later
 * insight refreshes). A benchmark may sleep; tests never do.
 */
async function ours(page) {
  const batchSize = Number(await page.getByTestId('hp.batch-size').inputValue());
  const histogram = '[data-testid="insight.histogram"]';
  const counts0 = await page.evaluate((h) => document.querySelector(h)?.getAttribute('data-counts') ?? null, histogram);
  await page.getByTestId('train.start').click();
  const w0 = Date.now();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="status.batch"]')?.textContent) >= 3,
    null,
    {
      timeout: 600_000,
    },
  );
  if (counts0 !== null)
    await page.waitForFunction(
      ([h, c]) => document.querySelector(h)?.getAttribute('data-counts') !== c,
      [histogram, counts0],
      {
        timeout: 600_000,
      },
    );
  await page.waitForTimeout(Math.max(0, WARM_S * 1000 - (Date.now() - w0)));
  // The counter moves in steps (one per read-back of the losses), so both ends are taken as it moves.
  const { b: b0, t: t0 } = await nextBatchCount(page);
  await page.evaluate(() => (window.__longTasks = []));
  await page.waitForTimeout(SAMPLE_S * 1000);
  const { b: b1, t: t1 } = await nextBatchCount(page);
  const eps = ((b1 - b0) * batchSize) / ((t1 - t0) / 1000);
  const longTasks = await page.evaluate(() => window.__longTasks.filter((d) => d > 50));
  await page.getByTestId('train.pause').click();
  await page.getByTestId('status.state').filter({ hasText: 'paused' }).waitFor({ timeout: 600_000 });
  return { eps, longTasks };
}

/** Waits for the shown batch count to change; returns it with the time it changed. */
async function nextBatchCount(page) {
  const before = await num(page, 'status.batch');
  const changed = await page.waitForFunction(
    (b) => {
      const v = Number(document.querySelector('[data-testid="status.batch"]')?.textContent);
      return v !== b && String(v);
    },
    before,
    { timeout: 600_000, polling: 10 },
  );
  return { b: Number(await changed.jsonValue()), t: Date.now() };
}

async function baseline(page, backend) {
  return page.evaluate(([b, s]) => window.playgroundDebug.benchmarkFit(b, s), [backend, SAMPLE_S]);
}

const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
const results = {
  date: new Date().toISOString(),
  commit,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    chromium: execSync(`${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'} --version 2>/dev/null || true`)
      .toString()
      .trim(),
  },
  settings: 'both loops: batch 128, Adam 0.002, no augmentation, same data; model.fit with stock tfjs kernels',
  sampleSeconds: SAMPLE_S,
  rows: [],
  timeTo975: null,
  mainBundleGzipBytes: mainBundleGzip(),
};
const probe = await openPreset('mlp-seed');
const backends = (
  await probe
    .getByTestId('train.backend')
    .locator('option')
    .evaluateAll((os) => os.map((o) => o.value))
).filter((v) => v !== 'auto');
results.autoBackend = await probe.getByTestId('status.backend').textContent();
await probe.close();

for (const preset of ['mlp-seed', 'cnn-small'].filter((p) => part('rows') && (!onlyPreset || p === onlyPreset))) {
  for (const backend of backends.filter((b) => !onlyBackend || b === onlyBackend)) {
    const page = await openPreset(preset);
    const options = await page
      .getByTestId('train.backend')
      .locator('option')
      .evaluateAll((os) => os.map((o) => o.value));
    if (!options.includes(backend)) {
      results.rows.push({ preset, backend, note: 'cannot train this network' });
      await page.close();
      continue;
    }
    await page.getByTestId('train.backend').selectOption(backend);
    await page
      .getByTestId('status.backend')
      .filter({ hasText: new RegExp(`^${backend}$`) })
      .waitFor({ timeout: 120_000 });
    const o = await ours(page);
    const f = await baseline(page, backend);
    const row = {
      preset,
      backend,
      ours: Math.round(o.eps),
      fit: Math.round(f.examplesPerSecond),
      ratio: +(o.eps / f.examplesPerSecond).toFixed(2),
      longTasksOver50ms: o.longTasks.length,
      worstLongTaskMs: Math.round(Math.max(0, ...o.longTasks)),
    };
    results.rows.push(row);
    console.log(JSON.stringify(row));
    await page.close();
  }
}

/** Presses Train on `preset` and records test accuracy per epoch until 97.5% or 12 epochs. */
async function oursToTarget(preset) {
  const page = await openPreset(preset);
  const t0 = Date.now();
  await page.getByTestId('train.start').click();
  const epochs = [];
  for (let e = 1; e <= 12; e++) {
    await page
      .getByTestId('status.epoch')
      .filter({ hasText: new RegExp(`^${e}$`) })
      .waitFor({ timeout: 600_000 });
    const acc = await num(page, 'metrics.test-accuracy');
    epochs.push({ epoch: e, accuracy: acc, seconds: (Date.now() - t0) / 1000 });
    if (acc >= 0.975) break;
  }
  const hit = epochs.find((e) => e.accuracy >= 0.975) ?? null;
  const out = {
    backend: await page.getByTestId('status.backend').textContent(),
    reached: hit,
    epochs,
    longTasksOver50ms: (await page.evaluate(() => window.__longTasks.filter((d) => d > 50))).length,
    // Where the worker's time went from Train to the last epoch counted (ms per part; see loopProfile.ts).
    profile: await page.evaluate(() => window.playgroundDebug.loopProfile?.() ?? null),
  };
  await page.close();
  return out;
}

if (part('charts')) {
  results.charts = await chartsWhileTraining(() => openPreset('mlp-seed'), {
    sampleSeconds: quick ? 20 : 60,
    drawSeconds: quick ? 6 : 15,
  });
  console.log('charts', JSON.stringify(results.charts));
}
if (part('sweep')) {
  results.sweep = await sweepOverhead(() => openPreset('mlp-seed'));
  console.log('sweep', JSON.stringify(results.sweep));
}

if (!skipTime && part('time')) {
  // The default experiment (no hash): what a person gets by opening the page and pressing Train.
  // The default recipe as a person gets it, REPEAT times (the README cites the median).
  const runs = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await oursToTarget('default'));
  const seconds = (r) => r.reached?.seconds ?? Infinity;
  const sorted = [...runs].sort((a, b) => seconds(a) - seconds(b));
  results.timeTo975 = { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.map((r) => r.reached) };
  console.log('time to 97.5%', JSON.stringify(results.timeTo975));
  // The same recipe through model.fit (tfjs-examples style, validation each epoch): schedule and augmentation too.
  const page = await openPreset('default');
  const fit = await page.evaluate(() => window.playgroundDebug.fitToTarget(0.975, 12));
  results.timeTo975SameRecipe = { ours: results.timeTo975, fit: { epochs: fit.epochs, reached: fit.reached } };
  await page.close();
}
await browser.close();
stop();

mkdirSync(join(root, 'bench-results'), { recursive: true });
const label = arg('label');
const file = `bench-${results.date.slice(0, 10)}-${commit}${label ? `-${label}` : ''}.json`;
writeFileSync(join(root, 'bench-results', file), JSON.stringify(results, null, 2) + '\n');
console.log('\npreset     backend  ours ex/s  model.fit ex/s  ratio  long tasks >50ms');
for (const r of results.rows)
  console.log(
    r.note
      ? `${r.preset.padEnd(10)} ${r.backend.padEnd(8)} ${r.note}`
      : `${r.preset.padEnd(10)} ${r.backend.padEnd(8)} ${String(r.ours).padStart(9)}  ${String(r.fit).padStart(14)}  ${String(r.ratio).padStart(5)}  ${r.longTasksOver50ms}`,
  );
const t = results.timeTo975;
if (t)
  console.log(
    `\ndefault recipe to 97.5% test accuracy (${t.backend}, median of ${t.runs.length}): ${t.reached ? `${t.reached.seconds.toFixed(1)} s, epoch ${t.reached.epoch}` : 'not reached in 12 epochs'}; runs ${t.runs.map((r) => (r ? r.seconds.toFixed(1) : '-')).join(', ')} s`,
  );
if (t?.profile) {
  const p = t.profile;
  const parts = Object.entries(p.parts).sort((a, b) => b[1] - a[1]);
  const other = p.wallMs - parts.reduce((s, [, ms]) => s + ms, 0);
  console.log(
    `  loop profile of that run (${(p.wallMs / 1000).toFixed(1)} s, ${Math.round((p.examples * 1000) / p.wallMs)} examples/s overall): ` +
      [...parts, ['other', other]].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(2)} s`).join(', '),
  );
}
console.log(
  `main-thread bundle: ${(results.mainBundleGzipBytes / 1024).toFixed(0)} KiB gzip (JS + CSS), no tfjs (checked by scripts/checkBundle.mjs)`,
);
const same = results.timeTo975SameRecipe;
if (same) {
  const o = same.ours.reached,
    f = same.fit.reached;
  console.log(
    `same recipe to 97.5%: ours ${o ? `${o.seconds.toFixed(1)} s (epoch ${o.epoch})` : 'not reached'}, model.fit ${f ? `${f.seconds.toFixed(1)} s (epoch ${f.epoch})` : 'not reached'}${o && f ? `, ratio ${(f.seconds / o.seconds).toFixed(2)}×` : ''}`,
  );
}
console.log(`written: bench-results/${file}`);
