import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Debian's Chromium offers WebGL and WebGPU through SwiftShader only with these flags (as scripts/bench.mjs). */
export const SOFTWARE_GPU = {
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-webgpu-adapter=swiftshader',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
    ],
  },
};

/** Opens the app and waits until the dataset is loaded and the model is built. */
export async function openReady(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
}

/** Draws a polyline on the pad with pointer events; points are fractions of the pad's size. */
export async function drawStroke(page: Page, points: [number, number][]) {
  const box = (await page.getByTestId('draw.pad').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = at(points[i - 1]);
    const [x1, y1] = at(points[i]);
    for (let s = 1; s <= 8; s++) await page.mouse.move(x0 + ((x1 - x0) * s) / 8, y0 + ((y1 - y0) * s) / 8);
  }
  await page.mouse.up();
}

/** The ten probabilities shown for the drawing, read in one go (they refresh while training runs). */
export async function probabilities(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from({ length: 10 }, (_, d) =>
      Number(document.querySelector(`[data-testid="draw.prob-${d}"]`)?.getAttribute('data-value')),
    ),
  );
}

/** Accuracy of the page's current model on the first `n` official test images (classified through the worker). */
export async function testAccuracy(page: Page, n = 100): Promise<number> {
  const { readFileSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const pixels = gunzipSync(readFileSync('public/data/test-images.idx.gz')).subarray(16);
  const labels = gunzipSync(readFileSync('public/data/test-labels.idx.gz')).subarray(8);
  const images = Array.from({ length: n }, (_, k) =>
    Array.from(pixels.subarray(k * 784, (k + 1) * 784), (v) => v / 255),
  );
  const probs = await page.evaluate(
    (xs) =>
      Promise.all(
        xs.map((x) =>
          (
            window as unknown as { playgroundDebug: { classify: (p: number[]) => Promise<number[]> } }
          ).playgroundDebug.classify(x),
        ),
      ),
    images,
  );
  return probs.filter((p, k) => p.indexOf(Math.max(...p)) === labels[k]).length / n;
}

/** A pen digit of bench/pen-digits-dev.json.gz (UNIPEN writers the model never saw). */
export type PenDigit = { label: number; source: string; strokes: [number, number][][] };

/** The first digit of each label from one source: ten digits, one writer set, no picking by result. */
export async function tenDigits(source = 'ibm'): Promise<PenDigit[]> {
  const { readFileSync } = await import('node:fs');
  const { gunzipSync } = await import('node:zlib');
  const all = JSON.parse(gunzipSync(readFileSync('bench/pen-digits-dev.json.gz')).toString()) as PenDigit[];
  return Array.from({ length: 10 }, (_, l) => all.find((d) => d.source === source && d.label === l)!);
}

/** Moves the mouse through exactly these points (fractions of the pad), as the pen recorded them. */
export async function drawPath(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  points: [number, number][],
) {
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p));
  await page.mouse.up();
}

/** A digit's strokes as fractions of the pad: `size` of its height, top-left corner at (fx, fy). */
export function onPad(d: PenDigit, size: number, fx: number, fy: number): [number, number][][] {
  const pts = d.strokes.flat();
  const x0 = Math.min(...pts.map((p) => p[0])),
    y0 = Math.min(...pts.map((p) => p[1]));
  const h = Math.max(...pts.map((p) => p[1])) - y0,
    w = Math.max(...pts.map((p) => p[0])) - x0;
  const s = Math.min(size / h, 0.9 / w);
  return d.strokes.map((st) => st.map(([x, y]) => [fx + (x - x0) * s, fy + (y - y0) * s] as [number, number]));
}

/** Draws a pen digit on a cleared pad and waits for its prediction. */
export async function drawDigit(page: Page, d: PenDigit) {
  await page.getByTestId('draw.clear').click();
  await expect(page.getByTestId('draw.prediction')).toHaveText('');
  const box = (await page.getByTestId('draw.pad').boundingBox())!;
  for (const s of onPad(d, 0.7, 0.15, 0.12)) await drawPath(page, box, s);
  await expect(page.getByTestId('draw.prediction')).toHaveText(/^\d$/);
}

/** Serious or critical WCAG 2.1 A/AA violations inside the element with test id `testId`. */
export async function axeProblemsIn(page: Page, testId: string) {
  const r = await new AxeBuilder({ page })
    .include(`[data-testid="${testId}"]`)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}
