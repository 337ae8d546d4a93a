// "Why did it say that?" as a class uses it: a real pen digit drawn, one epoch trained, then the three views on
// it: the saliency picture has both signs (and changes with "and not"), a targeted search within ε = 0.3 makes
// the network read another digit and "Use as input" feeds that exact image, and the hidden layer's map shows ten
// classes with the drawing's star, moves on with training, records its measure per epoch, and fits UMAP.
import { expect, test, type Page } from '@playwright/test';
import { axeProblemsIn, drawDigit, openReady, tenDigits } from './helpers';

const SHOTS = process.env.WHY_SHOTS; // a folder to save screenshots to, when set

async function trainOneEpoch(page: Page) {
  await page.getByTestId('hp.epoch-limit').fill('1');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 150_000 });
}

test('why: saliency of both signs, a targeted attack that flips the reading, the map with ten classes and the drawing', async ({
  page,
}) => {
  await openReady(page);
  await trainOneEpoch(page);
  const seven = (await tenDigits()).find((d) => d.label === 7)!;
  await drawDigit(page, seven);
  const predicted = Number(await page.getByTestId('draw.prediction').textContent());

  await page.getByTestId('why.open').click();
  await expect(page.getByTestId('why.panel')).toBeVisible();

  // 1. Saliency: preset to the prediction, with pixels for and against it.
  await expect(page.getByTestId('why.class')).toHaveValue(String(predicted));
  const saliency = page.getByTestId('why.saliency');
  await expect(saliency).toHaveAttribute('data-max', /\d/, { timeout: 60_000 });
  expect(Number(await saliency.getAttribute('data-min'))).toBeLessThan(0);
  expect(Number(await saliency.getAttribute('data-max'))).toBeGreaterThan(0);
  // "Why 7 and not 1": another picture.
  const max = await saliency.getAttribute('data-max');
  await page.getByTestId('why.versus').selectOption(predicted === 1 ? '2' : '1');
  await expect(saliency).not.toHaveAttribute('data-max', max!);
  await page.getByTestId('why.method-integrated').check();
  await expect(saliency).toHaveAttribute('aria-label', /and not/);

  // 3. The map: 2,000 test digits of ten classes, the drawing's star.
  const map = page.getByTestId('why.map');
  await expect(map).toHaveAttribute('data-points', '2000', { timeout: 60_000 });
  await expect(map).toHaveAttribute('data-classes', '10');
  await expect(page.getByTestId('why.map-self')).toBeVisible();
  await expect(page.getByTestId('why.map-knn')).toHaveText(/^(0\.\d{4}|1\.0000)$/);
  expect(Number(await page.getByTestId('why.map-knn').textContent())).toBeGreaterThan(0.5);
  if (SHOTS) await page.getByTestId('why.panel').screenshot({ path: `${SHOTS}/why-panel.png` });

  // 2. The attack: read as 3 within ε = 0.3.
  const target = predicted === 3 ? '8' : '3';
  await page.getByTestId('why.attack-target').selectOption(target);
  await page.getByTestId('why.attack-epsilon').fill('0.3');
  await page.getByTestId('why.attack-run').click();
  await expect(page.getByTestId('why.attack-status')).toHaveText('found', { timeout: 60_000 });
  await expect(page.getByTestId('why.attack-prediction')).toHaveText(target);
  const change = Number(await page.getByTestId('why.attack-change').textContent());
  expect(change).toBeGreaterThan(0);
  expect(change).toBeLessThanOrEqual(0.3);
  if (SHOTS) await page.getByTestId('why.panel').screenshot({ path: `${SHOTS}/why-attack.png` });
  expect(await axeProblemsIn(page, 'why.panel')).toEqual([]);
  // The changed image goes to the model as it is: the pad's prediction is the target.
  await page.getByTestId('why.attack-use').click();
  await expect(page.getByTestId('draw.prediction')).toHaveText(target);

  // Training on: the map is made again after the next epoch, and its measure is kept per epoch.
  await page.getByTestId('hp.epoch-limit').fill('2');
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('status.state')).toHaveText('paused', { timeout: 150_000 });
  await expect(page.getByTestId('why.map-knn-history')).toContainText('after 2', { timeout: 60_000 });

  // Hover shows a test digit; UMAP fits in its own worker and keeps ten classes and the star.
  const canvas = page.getByTestId('why.map-canvas');
  const box = (await canvas.boundingBox())!;
  let at: [number, number] = [0, 0];
  for (let k = 0; k < 40; k++) {
    at = [box.x + box.width * (0.2 + 0.015 * k), box.y + box.height * (0.3 + 0.01 * k)];
    await page.mouse.move(...at);
    if (await page.getByTestId('why.map-card').isVisible()) break;
  }
  await expect(page.getByTestId('why.map-card')).toContainText('a test');
  // A click opens that test digit in the learning-step view.
  await page.mouse.click(...at);
  await expect(page.getByTestId('step.panel')).toBeVisible();
  await expect(page.getByTestId('step.source')).toHaveValue('test-image');
  await expect(page.getByTestId('step.loss-before')).toHaveText(/^\d/, { timeout: 60_000 });
  await page.getByTestId('step.close').click();
  await page.getByTestId('why.map-umap').click();
  await expect(map).toHaveAttribute('data-method', 'umap', { timeout: 120_000 });
  await expect(map).toHaveAttribute('data-classes', '10');
  await expect(page.getByTestId('why.map-self')).toBeVisible();
  expect(Number(await page.getByTestId('why.map-knn').textContent())).toBeGreaterThan(0.7);
  if (SHOTS) await page.getByTestId('why.panel').screenshot({ path: `${SHOTS}/why-umap.png` });

  await page.getByTestId('why.close').click();
  await expect(page.getByTestId('why.panel')).toHaveCount(0);
  // The page lives on after the view closes (an effect that returned Chromium's scroll promise once took it down).
  await expect(page.getByTestId('status.state')).toHaveText('paused');
  await page.getByTestId('why.open').click();
  await expect(page.getByTestId('why.map')).toHaveAttribute('data-points', '2000');
});

test('why: a CNN is explained and mapped too, its wide layer sketched; a lesson opens the view on its example', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('ui.lesson').selectOption('which-pixels');
  await page.getByTestId('lesson.why-open').click();
  await expect(page.getByTestId('why.versus')).toHaveValue('9');
  await expect(page.getByTestId('why.saliency')).toHaveAttribute('data-max', /\d/, { timeout: 60_000 });

  await page.getByTestId('builder.preset').selectOption('cnn-small');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 60_000 });
  await page.getByTestId('why.map-layer').selectOption('0');
  await expect(page.getByTestId('why.map')).toHaveAttribute('data-layer', '0', { timeout: 120_000 });
  await expect(page.getByTestId('why.map')).toHaveAttribute('data-points', '2000');
  await expect(page.getByText(/1568 values per image, count-sketched to 256/)).toBeVisible();
  await expect(page.getByTestId('why.saliency')).toHaveAttribute('data-min', /-/);
});
