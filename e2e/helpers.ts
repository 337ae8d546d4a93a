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
