// Everything a class touches is in sight on the first screen at the sizes classrooms use — a projector (1280×720),
// laptops (1366×768), a large screen (1920×1080) and a tablet upright (768×1024) — in English and Chinese: Train,
// the learning-rate field, the pad, the prediction with its ten bars, and the loss chart, inside the viewport
// and not covered by anything (checked with elementFromPoint at their centres). Nothing overflows sideways, the
// runs table's buttons stay inside their cells, and the histograms' tick labels never touch.
import { expect, test, type Page } from '@playwright/test';
import { drawStroke } from './helpers';

const SIZES: [number, number][] = [
  [1280, 720],
  [1366, 768],
  [1920, 1080],
  [768, 1024],
];
/** The default network on 2,000 training images, so an epoch (and the confusion matrix) comes in seconds. */
const LINK = '/#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.003&bs=128&seed=42&n=2000';
const SEEN = ['train.start', 'hp.learning-rate', 'draw.pad', 'draw.prediction', 'chart.loss'].concat(
  Array.from({ length: 10 }, (_, d) => `draw.prob-${d}`),
);

/** Test ids that are not fully inside the viewport, or whose centre shows another element. */
function hiddenOf(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const out: string[] = [];
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      if (!el) {
        out.push(`${id}: missing`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.width === 0)
        out.push(
          `${id}: outside (${Math.round(r.left)},${Math.round(r.top)})-(${Math.round(r.right)},${Math.round(r.bottom)})`,
        );
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(el === hit || el.contains(hit) || hit.contains(el)))
        out.push(`${id}: covered by ${hit?.outerHTML.slice(0, 60)}`);
    }
    return out;
  }, ids);
}

/** Pairs of tick labels that intersect inside any weight histogram. */
function touchingTicks(page: Page) {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const h of document.querySelectorAll('[data-testid="insight.histogram"]')) {
      const boxes = [...h.querySelectorAll('.recharts-cartesian-axis-tick-value')]
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].r, boxes[j].r];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
            bad.push(`${boxes[i].text} / ${boxes[j].text}`);
        }
    }
    return bad;
  });
}

/** Trains one short epoch (2,000 training images), pauses and draws a 7. */
async function trainAndDraw(page: Page) {
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.epoch')).not.toHaveText('0', { timeout: 120_000 });
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  await expect(page.getByTestId('ui.notice')).toHaveCount(0); // the link was read as it is
  await drawStroke(page, [
    [0.3, 0.25],
    [0.7, 0.25],
    [0.45, 0.8],
  ]);
  await expect(page.getByTestId('draw.prediction')).not.toHaveText('');
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const lang of ['en', 'zh-CN'])
  for (const [width, height] of SIZES)
    test(`first screen at ${width}×${height} in ${lang}: train, rate, pad, prediction and loss in sight`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`${LINK}&lang=${lang}`);
      await trainAndDraw(page);
      const ids = width >= 1800 ? [...SEEN, 'insight.confusion'] : SEEN;
      expect(await hiddenOf(page, ids)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      // The runs table: every action button inside its cell and inside the table's visible area.
      const outside = await page.evaluate(() => {
        const bad: string[] = [];
        const area = document.querySelector('.table-scroll')!.getBoundingClientRect();
        for (const b of document.querySelectorAll('[data-testid="runs.item"] button')) {
          const r = b.getBoundingClientRect();
          const cell = b.closest('td')!.getBoundingClientRect();
          if (
            r.left < cell.left - 0.5 ||
            r.right > cell.right + 0.5 ||
            r.left < area.left ||
            r.right > area.right + 0.5
          )
            bad.push(b.textContent ?? '');
        }
        return bad;
      });
      expect(outside).toEqual([]);
      const histogram = page.getByTestId('insight.histogram').first();
      await histogram.scrollIntoViewIfNeeded();
      // Charts off screen are drawn when they come into view (chartScheduler.ts): wait for the labels.
      await expect(
        histogram.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /\d/ }).first(),
      ).toBeVisible();
      await histogram.screenshot({ path: test.info().outputPath('histogram.png') });
      expect(await touchingTicks(page)).toEqual([]);
    });

test('presenter mode at 1280×720: large type, the same things in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${LINK}&lang=en`);
  await page.getByTestId('ui.presenter').click();
  await expect(page.getByTestId('ui.presenter')).toHaveAttribute('aria-checked', 'true');
  await trainAndDraw(page);
  expect(await hiddenOf(page, SEEN)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});
