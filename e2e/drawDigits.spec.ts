// Real pen-drawn digits (bench/pen-digits-dev.json.gz, writers the model never saw) drawn on the pad with the
// mouse: what the pad feeds the model must be what the preprocessing makes of the same strokes, and a trained
// network must read them. The full measurement is `npm run bench:draw`; this checks a handful.
import { expect, test, type Page } from '@playwright/test';
import { drawPath, drawStroke, onPad, openReady, tenDigits } from './helpers';

type Hooks = {
  settledPrediction: () => Promise<{ input: number[] | null; probs: number[] | null }>;
  pipelineInput: (s: [number, number][][]) => number[] | null;
};
const hooks = (page: Page) => ({
  settled: () =>
    page.evaluate(() => (window as unknown as { playgroundDebug: Hooks }).playgroundDebug.settledPrediction()),
  pipeline: (s: [number, number][][]) =>
    page.evaluate((st) => (window as unknown as { playgroundDebug: Hooks }).playgroundDebug.pipelineInput(st), s),
});

test('the pad feeds the model what the preprocessing makes of the strokes, and reads real pen digits', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('metrics.test-accuracy')).toHaveText(/^0\.\d{4}$/, { timeout: 150_000 });
  await page.getByTestId('train.pause').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  const { settled, pipeline } = hooks(page);
  const box = (await page.getByTestId('draw.pad').boundingBox())!;

  let read = 0;
  for (const [i, d] of (await tenDigits()).entries()) {
    // Sizes from 45% to 85% of the pad, corners moving across it.
    const strokes = onPad(d, 0.45 + 0.04 * i, 0.05 + 0.01 * i, 0.1 - 0.005 * i);
    await page.getByTestId('draw.clear').click();
    await expect(page.getByTestId('draw.prediction')).toHaveText('');
    for (const s of strokes) await drawPath(page, box, s);
    await expect(page.getByTestId('draw.prediction')).toHaveText(/^\d$/);
    const { input } = await settled();
    // The same strokes in the pad's canvas pixels (280 × 280), straight into the preprocessing.
    const expected = (await pipeline(strokes.map((s) => s.map(([x, y]) => [x * 280, y * 280]))))!;
    // The mouse lands on whole CSS pixels (a 15th of an input pixel): the inputs differ only by that rounding.
    const diff = input!.reduce((m, v, k) => Math.max(m, Math.abs(v - expected[k])), 0);
    const mean = input!.reduce((m, v, k) => m + Math.abs(v - expected[k]), 0) / 784;
    expect(mean, `digit ${d.label}: mean difference ${mean} (max ${diff}) at pad size ${box.height}`).toBeLessThan(
      0.02,
    );
    if (Number(await page.getByTestId('draw.prediction').textContent()) === d.label) read++;
  }
  // After one epoch the default network reads most clean pen digits (bench:draw measures the rate).
  expect(read).toBeGreaterThanOrEqual(8);
});

test('the empty pad shows a size hint; Undo takes back the last stroke', async ({ page }) => {
  await openReady(page);
  const hint = page.locator('.draw-hint');
  await expect(hint).toBeVisible();
  await expect(page.getByTestId('draw.undo')).toBeDisabled();
  const { settled } = hooks(page);
  const bar: [number, number][] = [
    [0.3, 0.2],
    [0.7, 0.2],
  ];
  await drawStroke(page, bar);
  await expect(hint).toBeHidden();
  const one = (await settled()).input;
  await drawStroke(page, [
    [0.7, 0.2],
    [0.4, 0.85],
  ]);
  await expect(page.getByTestId('draw.undo')).toBeEnabled();
  const two = (await settled()).input;
  expect(two).not.toEqual(one);
  await page.getByTestId('draw.undo').click();
  await expect.poll(async () => (await settled()).input).toEqual(one);
  await page.getByTestId('draw.undo').click();
  await expect(hint).toBeVisible();
  await expect(page.getByTestId('draw.undo')).toBeDisabled();
  await expect(page.getByTestId('draw.prediction')).toHaveText('');
});

test('augmentation is a live training option: in the URL, with a strip of the batch as trained', async ({ page }) => {
  await openReady(page);
  // The default recipe augments ("affine"); off hides the strip.
  await expect(page.getByTestId('hp.augment')).toHaveValue('affine');
  await page.getByTestId('hp.augment').selectOption('off');
  await expect(page.getByTestId('hp.augment-strip')).toHaveCount(0);
  await page.getByTestId('hp.augment').selectOption('elastic');
  await expect(page).toHaveURL(/aug=elastic/);
  const strip = page.getByTestId('hp.augment-strip');
  await expect(strip.locator('canvas')).toHaveCount(16);
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await expect(page.getByTestId('chart.marker')).toHaveCount(0);
  await page.getByTestId('train.step').click();
  await page.getByTestId('hp.augment').selectOption('shift');
  await expect(page.getByTestId('chart.marker').first()).toBeAttached();
  // Two trained batches were never saved: leaving asks first.
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.accept();
    }),
  );
  await page.reload();
  expect(await asked).toBe('beforeunload');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('hp.augment')).toHaveValue('shift');
});

test('the misread-digit lesson shows what the model received for the drawing, and the augmented batch', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('ui.lesson').selectOption('misread');
  const view = page.getByTestId('lesson.misread');
  await expect(view).toContainText('Draw a digit on the pad');
  await expect(page.getByTestId('hp.augment')).toHaveValue('off');
  await expect(page.getByTestId('lesson.misread-strip').locator('canvas')).toHaveCount(16);
  await drawStroke(page, [
    [0.5, 0.15],
    [0.5, 0.85],
  ]);
  await expect(view).toContainText(/Read as \d \(\d+%\)/);
  await expect(view.getByRole('img')).toHaveCount(17); // the input, 8 stored and 8 augmented images
});
