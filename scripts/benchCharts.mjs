/* global window, document */
// Part of `npm run bench`: the page's main thread with recharts charts live, and the cost of a sweep's turns.
// chartsWhileTraining: 3 earlier runs overlaid plus the live one (4 runs on the loss and accuracy charts) while
// training on the auto backend; long tasks (> 50 ms) per minute, the longest, and those that overlap strokes
// drawn on the pad (mouse strokes for `drawSeconds`). sweepOverhead: the same 3-run learning-rate sweep
// (1 epoch each) trained interleaved and one after another; examples/s over the sweep's wall time.

/** Long tasks with their start times, from page load on. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => window.__tasks.push({ start: e.startTime, ms: e.duration })),
    ).observe({
      type: 'longtask',
      buffered: false,
    });
  });
}

async function trainBatches(page, n) {
  await page.getByTestId('train.start').click();
  await page.waitForFunction(
    (k) => Number(document.querySelector('[data-testid="status.batch"]')?.textContent) >= k,
    n,
    {
      timeout: 600_000,
    },
  );
  await page.getByTestId('train.pause').click();
  await page.getByTestId('status.state').filter({ hasText: 'paused' }).waitFor({ timeout: 600_000 });
}

export async function chartsWhileTraining(openPage, { sampleSeconds, drawSeconds }) {
  const page = await openPage();
  page.on('dialog', (d) => void d.accept()); // Reset asks before discarding weights
  for (let i = 0; i < 3; i++) {
    await trainBatches(page, 150);
    await page.getByTestId('train.reset').click();
    await page.getByTestId('status.batch').filter({ hasText: /^0$/ }).waitFor();
  }
  const boxes = page.getByTestId('runs.overlay');
  for (let i = 0; i < (await boxes.count()); i++) if (!(await boxes.nth(i).isDisabled())) await boxes.nth(i).check();
  await watchLongTasks(page);
  await page.getByTestId('train.start').click();
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="status.batch"]')?.textContent) >= 50,
    null,
    {
      timeout: 600_000,
    },
  );
  const series = await page.getByTestId('chart.loss').getAttribute('data-series');
  await page.getByTestId('chart.loss').scrollIntoViewIfNeeded();
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(sampleSeconds * 1000);
  const t1 = await page.evaluate(() => performance.now());
  // Strokes on the pad while training goes on: 1 s strokes with 0.3 s between them.
  const pad = await page.getByTestId('draw.pad').boundingBox();
  const strokes = [];
  const end = Date.now() + drawSeconds * 1000;
  while (Date.now() < end) {
    await page.mouse.move(pad.x + pad.width * 0.3, pad.y + pad.height * 0.2);
    await page.mouse.down();
    // Drawing = from pointer down to pointer up (a task already running when the pen lands is not the ink's).
    const s0 = await page.evaluate(() => performance.now());
    for (let k = 1; k <= 40; k++) {
      const a = (k / 40) * 2 * Math.PI;
      await page.mouse.move(
        pad.x + pad.width * (0.5 + 0.25 * Math.sin(a)),
        pad.y + pad.height * (0.5 - 0.3 * Math.cos(a)),
      );
      await page.waitForTimeout(25);
    }
    await page.mouse.up();
    strokes.push([s0, await page.evaluate(() => performance.now())]);
    await page.getByTestId('draw.clear').click();
    await page.waitForTimeout(300);
  }
  const tasks = await page.evaluate(() => window.__tasks);
  await page.getByTestId('train.pause').click();
  await page.close();
  const inSample = tasks.filter((t) => t.start >= t0 && t.start < t1);
  const whileDrawing = tasks.filter((t) => strokes.some(([a, b]) => t.start < b && t.start + t.ms > a));
  return {
    overlaidRuns: Number(series),
    sampleSeconds,
    longTasksPerMinute: +((inSample.length * 60000) / (t1 - t0)).toFixed(1),
    longestTaskMs: Math.round(Math.max(0, ...inSample.map((t) => t.ms))),
    over100ms: inSample.filter((t) => t.ms > 100).length,
    drawSeconds,
    strokes: strokes.length,
    longTasksWhileDrawing: whileDrawing.length,
    longestWhileDrawingMs: Math.round(Math.max(0, ...whileDrawing.map((t) => t.ms))),
  };
}

export async function sweepOverhead(openPage) {
  const out = {};
  for (const order of ['interleaved', 'sequential']) {
    const page = await openPage();
    await page.getByTestId('sweep.open').click();
    await page.getByTestId('sweep.values').fill('0.001, 0.002, 0.004');
    await page.getByTestId('sweep.epochs').fill('1');
    await page.getByTestId('sweep.order').selectOption(order);
    const t0 = Date.now();
    await page.getByTestId('sweep.start').click();
    await page.getByTestId('sweep.progress').filter({ hasText: '3/3' }).waitFor({ timeout: 900_000 });
    const seconds = (Date.now() - t0) / 1000;
    // 1 epoch = 468 batches of 128 per run (mlp-seed preset hash: batch 128).
    out[order] = { seconds: +seconds.toFixed(1), examplesPerSecond: Math.round((3 * 468 * 128) / seconds) };
    await page.close();
  }
  out.overhead = +(out.sequential.examplesPerSecond / out.interleaved.examplesPerSecond - 1).toFixed(3);
  return out;
}
