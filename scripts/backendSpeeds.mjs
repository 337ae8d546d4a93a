// Examples per second of the current network on each backend this Chromium offers, in headless Chromium
// with software WebGL and WebGPU enabled (SwiftShader) so the GPU code paths run on a machine without a GPU.
// Needs the app served (npm run build && npm run preview). Usage: node scripts/backendSpeeds.mjs [url] [seconds]
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const seconds = Number(process.argv[3] ?? 12);
const gpuFlags = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', ...gpuFlags] });
const page = await browser.newPage();
await page.goto(url);
await page.getByTestId('status.state').filter({ hasText: 'ready' }).waitFor({ timeout: 180_000 });
const options = (await page.getByTestId('train.backend').locator('option').evaluateAll((os) => os.map((o) => o.value))).filter((v) => v !== 'auto');
console.log(`auto picked: ${await page.getByTestId('status.backend').textContent()} — ${await page.getByTestId('status.backend').getAttribute('title')}`);
for (const backend of options) {
  await page.getByTestId('train.backend').selectOption(backend);
  await page.getByTestId('status.backend').filter({ hasText: new RegExp(`^${backend}$`) }).waitFor({ timeout: 60_000 });
  await page.getByTestId('train.start').click();
  await page.waitForTimeout(seconds * 1000); // a benchmark, not a test: it samples the rate after a fixed time
  const eps = Number(await page.getByTestId('status.examples-per-second').textContent());
  await page.getByTestId('train.pause').click();
  await page.getByTestId('status.state').filter({ hasText: 'paused' }).waitFor({ timeout: 120_000 });
  console.log(JSON.stringify({ backend, examplesPerSecond: eps, batchSize: Number(await page.getByTestId('hp.batch-size').inputValue()) }));
}
await browser.close();
