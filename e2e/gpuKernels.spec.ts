import { expect, test } from '@playwright/test';
import { openReady, SOFTWARE_GPU } from './helpers';

// Debian's Chromium offers WebGL and WebGPU through SwiftShader only with these flags (see scripts/bench.mjs); on such
// software GPUs the app swaps in kernels of its own (src/worker/kernels/softwareGpu.ts), checked here against tfjs's.
test.use(SOFTWARE_GPU);

type Row = { backend: string; shape: string; output: string; maxDiff: number; maxAbs: number };
type Check = { rows: Row[]; leftovers: { backend: string; dataIds: number }[] };

test('the software-GPU kernels give what tfjs gives: convolutions and their gradients, matrix products, Adam', async ({
  page,
}) => {
  await openReady(page);
  const { rows, leftovers } = await page.evaluate(() =>
    (
      window as unknown as { playgroundDebug: { checkGpuKernels: () => Promise<Check> } }
    ).playgroundDebug.checkGpuKernels(),
  );
  const backends = new Set(rows.map((r) => r.backend));
  test.skip(backends.size === 0, 'this Chromium offers no GPU backend');
  // 4 conv shapes × 4 outputs, 7 products, Adam's weights and bias
  for (const b of backends) expect(rows.filter((r) => r.backend === b)).toHaveLength(4 * 4 + 7 + 2);
  for (const r of rows) {
    expect(r.maxAbs, `${r.backend} ${r.shape} ${r.output}`).toBeGreaterThan(0.1); // not comparing zeros
    expect(r.maxDiff, `${r.backend} ${r.shape} ${r.output}`).toBeLessThan(1e-4 * Math.max(1, r.maxAbs));
  }
  // Every intermediate freed, the im2col patches kept for a gradient included.
  for (const l of leftovers) expect(l.dataIds, `${l.backend} buffers left`).toBe(0);
  expect(leftovers.map((l) => l.backend).sort()).toEqual([...backends].sort());
  // The page still works afterwards: the backend in use was put back.
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
});
