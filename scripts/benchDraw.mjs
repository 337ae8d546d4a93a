/* global window, document */
// npm run bench:draw: how well the playground reads digits people draw. Replays real pen-drawn digits
// (bench/pen-digits-dev.json.gz, UNIPEN, writers the model never saw) onto the pad as pointer strokes, the way
// people draw: 40-90% of the pad's height, anywhere on it, half with a mouse (125 events/s) and half with a pen
// (200 events/s, varying pressure). Trains the default network in the app as a person would (press Train),
// then measures
//   early: right after epoch 1, paused (the moment a class starts drawing);
//   while training: the first --live-n digits with training going on (a busy page: pad against pipeline);
//   late:  after epoch --late-epoch (default 3), paused.
// Each digit is also fed straight to the preprocessing from its original strokes (no pointer events, no
// canvas), so losses in the pad are told apart from losses in the pipeline. Reports accuracy overall, per
// digit, per size and per pointer, and the most common confusions, and (late) the whole dev set through the
// preprocessing alone; writes bench-results/draw.json.
// Usage: npm run bench:draw [-- --n=200] [-- --live-n=50] [-- --late-epoch=3] [-- --hash=#...] [-- --url=URL]
//        [-- --whole-only]  (no pad: the whole dev set through the preprocessing after epoch 1 and --late-epoch)
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = join(import.meta.dirname, '..');
const arg = (name, fallback) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')
    .slice(1)
    .join('=') ?? fallback;
const N = Number(arg('n', 200));
const LIVE_N = Number(arg('live-n', 50));
const LATE_EPOCH = Number(arg('late-epoch', 3));
const HASH = arg('hash', '');
const SEED = Number(arg('seed', 7));
const PORT = 4191;
const url = arg('url', `http://127.0.0.1:${PORT}/`);

/** mulberry32: the bench's own seeded stream, so every run draws the same digits the same way. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = JSON.parse(gunzipSync(readFileSync(join(root, 'bench/pen-digits-dev.json.gz'))).toString());
/** N digits, the same number of each label (as far as N allows), in a seeded order. */
function pick(n, seed) {
  const r = rng(seed);
  const byLabel = Array.from({ length: 10 }, () => []);
  for (const d of all) byLabel[d.label].push(d);
  for (const l of byLabel)
    for (let i = l.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [l[i], l[j]] = [l[j], l[i]];
    }
  const out = [];
  for (let i = 0; out.length < n; i++) for (let l = 0; l < 10 && out.length < n; l++) out.push(byLabel[l][i]);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Where and how one digit is drawn: height as a fraction of the pad, position, pointer kind and pressure. */
function placement(digit, r, pad) {
  const pts = digit.strokes.flat();
  const xs = pts.map((p) => p[0]),
    ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs),
    y0 = Math.min(...ys);
  const bw = Math.max(...xs) - x0,
    bh = Math.max(...ys) - y0;
  const margin = 6; // CSS px: a stroke's half width stays on the pad
  const room = pad.height - 2 * margin;
  let size = 0.4 + 0.5 * r();
  let scale = (size * room) / Math.max(bh, 1e-6);
  if (bw * scale > 0.95 * room) scale = (0.95 * room) / bw; // wide digits: fit the pad's width
  size = (bh * scale) / room;
  const w = bw * scale,
    h = bh * scale;
  const ox = pad.x + margin + r() * (room - w),
    oy = pad.y + margin + r() * (room - h);
  const pointer = r() < 0.5 ? 'mouse' : 'pen';
  const pressure = 0.3 + 0.6 * r();
  const strokes = digit.strokes.map((s) => s.map(([x, y]) => [ox + (x - x0) * scale, oy + (y - y0) * scale]));
  return { size, pointer, pressure, strokes };
}

const sizeBucket = (s) => (s < 0.55 ? 'small 40-55%' : s < 0.7 ? 'medium 55-70%' : 'large 70-90%');
const argmax = (p) => (p ? p.indexOf(Math.max(...p)) : -1);

/** Input rates (events per second) of a typical mouse and pen: the replay's pace, as people draw. */
const RATE = { mouse: 125, pen: 200 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Draws one digit with trusted input events (CDP), as a mouse (pressure 0.5) or a pen (the plan's pressure), one
 * event every 1/RATE seconds like the device would send them (sent without waiting for each other's handling,
 * so a busy page coalesces them as it would a real pointer's).
 */
async function drawDigit(page, cdp, plan) {
  await page.getByTestId('draw.clear').click();
  const sent = [];
  const gap = 1000 / RATE[plan.pointer];
  const ev = async (type, [x, y], buttons) => {
    sent.push(
      cdp.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        buttons,
        clickCount: 1,
        pointerType: plan.pointer,
        force: plan.pointer === 'pen' ? plan.pressure : undefined,
      }),
    );
    await sleep(gap);
  };
  for (const s of plan.strokes) {
    await ev('mouseMoved', s[0], 0);
    await ev('mousePressed', s[0], 1);
    for (const p of s.slice(1)) await ev('mouseMoved', p, 1);
    await ev('mouseReleased', s[s.length - 1], 0);
  }
  await Promise.all(sent);
  return page.evaluate(() => window.playgroundDebug.settledPrediction());
}

async function measure(page, cdp, digits, phase) {
  const epochs = [await page.getByTestId('status.epoch').textContent()];
  const accAtStart = Number(await page.getByTestId('metrics.test-accuracy').textContent());
  await page.getByTestId('draw.pad').scrollIntoViewIfNeeded();
  let box = await page.getByTestId('draw.pad').boundingBox();
  const r = rng(SEED + 1);
  const rows = [];
  // The pad is found again before every digit: where the page moved it under the pen, strokes would miss it.
  let moves = 0;
  for (const d of digits) {
    const now = await page.getByTestId('draw.pad').boundingBox();
    if (now && ['x', 'y', 'width', 'height'].some((k) => Math.abs(now[k] - box[k]) > 0.5)) moves++;
    box = now ?? box;
    const plan = placement(d, r, box);
    const pad = await drawDigit(page, cdp, plan);
    const pipe = await page.evaluate(async (strokes) => {
      const input = window.playgroundDebug.pipelineInput(strokes);
      return input ? window.playgroundDebug.classify(input) : null;
    }, d.strokes);
    rows.push({
      index: all.indexOf(d),
      label: d.label,
      source: d.source,
      size: plan.size,
      pointer: plan.pointer,
      pad: argmax(pad.probs),
      pipeline: argmax(pipe),
      // The pad's model input as 0-255 bytes, for scripts/drawPreviews.mjs.
      input: pad.input ? pad.input.map((v) => Math.round(v * 255)) : null,
    });
  }
  epochs.push(await page.getByTestId('status.epoch').textContent());
  // Test accuracy of the model the phase started with (training may go on during the phase).
  return {
    phase: `${phase}, epochs ${epochs[0]}-${epochs[1]} while drawing, the pad moved ${moves}×`,
    testAccuracy: accAtStart,
    rows,
  };
}

function summarise({ phase, testAccuracy, rows }) {
  const frac = (rs, k) => (rs.length ? rs.filter((x) => x[k] === x.label).length / rs.length : NaN);
  const group = (key) => {
    const g = {};
    for (const x of rows) (g[key(x)] ??= []).push(x);
    return Object.fromEntries(
      Object.entries(g)
        .sort()
        .map(([k, rs]) => [k, { n: rs.length, pad: frac(rs, 'pad'), pipeline: frac(rs, 'pipeline') }]),
    );
  };
  const pairs = {};
  for (const x of rows) if (x.pad !== x.label) pairs[`${x.label}→${x.pad}`] = (pairs[`${x.label}→${x.pad}`] ?? 0) + 1;
  const confusions = Object.entries(pairs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  return {
    phase,
    testAccuracy,
    n: rows.length,
    pad: frac(rows, 'pad'),
    pipeline: frac(rows, 'pipeline'),
    perDigit: group((x) => String(x.label)),
    perSize: group((x) => sizeBucket(x.size)),
    perPointer: group((x) => x.pointer),
    perSource: group((x) => x.source),
    confusions,
  };
}

const pct = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '-');
function print(s) {
  console.log(
    `\n${s.phase}: test accuracy at its start ${s.testAccuracy}, ${s.n} digits — pad ${pct(s.pad)}, pipeline ${pct(s.pipeline)}`,
  );
  for (const [title, g] of [
    ['digit', s.perDigit],
    ['size', s.perSize],
    ['pointer', s.perPointer],
    ['source', s.perSource],
  ]) {
    console.log(
      `  per ${title}: ` +
        Object.entries(g)
          .map(([k, v]) => `${k} ${pct(v.pad)}/${pct(v.pipeline)} (${v.n})`)
          .join(', '),
    );
  }
  console.log(`  confusions (true→read, pad): ${s.confusions.map(([k, c]) => `${k} ×${c}`).join(', ')}`);
}

/** The whole dev set (4,776 digits) through the preprocessing alone (the pad matches it): a low-noise figure. */
async function wholeSet(page) {
  const read = await page.evaluate(
    async (items) => {
      const out = [];
      for (const strokes of items) {
        const input = window.playgroundDebug.pipelineInput(strokes);
        const p = input ? await window.playgroundDebug.classify(input) : null;
        out.push(p ? p.indexOf(Math.max(...p)) : -1);
      }
      return out;
    },
    all.map((d) => d.strokes),
  );
  return read.filter((r, i) => r === all[i].label).length / all.length;
}

let server = null;
if (!process.argv.some((a) => a.startsWith('--url='))) {
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  });
  process.on('exit', () => server.kill());
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await page.goto(url + HASH);
await page.getByTestId('status.state').filter({ hasText: 'ready' }).waitFor({ timeout: 300_000 });
const backend = await page.getByTestId('status.backend').textContent();
const digits = pick(N, SEED);
const t0 = Date.now();
const pause = async () => {
  await page.getByTestId('train.pause').click();
  await page.getByTestId('status.state').filter({ hasText: 'paused' }).waitFor();
};
await page.getByTestId('train.start').click();
await page.getByTestId('status.epoch').filter({ hasText: /^1$/ }).waitFor({ timeout: 600_000 });
await pause();
if (process.argv.includes('--whole-only')) {
  // Quick comparison of training options: the whole dev set after epoch 1 and after --late-epoch, no pad.
  const e1 = await wholeSet(page);
  const acc1 = await page.getByTestId('metrics.test-accuracy').textContent();
  await page.getByTestId('train.start').click();
  await page.waitForFunction(
    (e) => Number(document.querySelector('[data-testid="status.epoch"]')?.textContent) >= e,
    LATE_EPOCH,
    {
      timeout: 600_000,
    },
  );
  await pause();
  const eL = await wholeSet(page);
  const accL = await page.getByTestId('metrics.test-accuracy').textContent();
  const epochL = await page.getByTestId('status.epoch').textContent();
  console.log(
    JSON.stringify({
      hash: HASH,
      backend,
      epoch1: { test: Number(acc1), dev: e1 },
      late: { epoch: Number(epochL), test: Number(accL), dev: eL },
    }),
  );
  await browser.close();
  process.exit(0);
}
const early = await measure(page, cdp, digits, 'early (epoch 1, paused)');
console.log(`early phase done in ${((Date.now() - t0) / 1000).toFixed(0)} s: pad ${pct(summarise(early).pad)}`);
await page.getByTestId('train.start').click();
await page.getByTestId('status.state').filter({ hasText: 'training' }).waitFor();
// While training: the model changes under the digits, so only pad against pipeline is comparable here.
const live = await measure(page, cdp, digits.slice(0, LIVE_N), 'while training');
await page.waitForFunction(
  (e) => Number(document.querySelector('[data-testid="status.epoch"]')?.textContent) >= e,
  LATE_EPOCH,
  {
    timeout: 600_000,
  },
);
await pause();
const late = await measure(page, cdp, digits, 'late (paused)');
const wholeAcc = await wholeSet(page);
await browser.close();

const result = {
  date: new Date().toISOString(),
  backend,
  hash: HASH,
  seed: SEED,
  seconds: (Date.now() - t0) / 1000,
  phases: [early, live, late].map(summarise),
  wholeDevSetPipeline: wholeAcc,
};
console.log(`bench:draw on ${backend}${HASH ? ` with ${HASH}` : ''}`);
result.phases.forEach(print);
console.log(`\nwhole dev set (${all.length} digits) through the preprocessing, late model: ${pct(wholeAcc)}`);
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results/draw.json'),
  JSON.stringify({ ...result, rows: [early.rows, live.rows, late.rows] }, null, 1),
);
process.exit(0);
