import { expect, test, type Page } from '@playwright/test';
import { openReady, SOFTWARE_GPU } from './helpers';

// WebGPU through SwiftShader needs these flags (as in gpuKernels.spec.ts); without a WebGPU adapter the test skips.
test.use(SOFTWARE_GPU);

const batch = async (page: Page) => Number(await page.getByTestId('status.batch').textContent());

test('losing the WebGPU device mid-training moves to another backend and keeps training', async ({ page }) => {
  await openReady(page);
  const select = page.getByTestId('train.backend');
  test.skip((await select.locator('option[value="webgpu"]').count()) === 0, 'this Chromium offers no WebGPU');
  await select.selectOption('webgpu');
  await expect(page.getByTestId('status.backend')).toHaveText('webgpu', { timeout: 60_000 });
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 120_000 }).toBeGreaterThan(10);

  await page.evaluate(() =>
    (window as unknown as { playgroundDebug: { loseBackend: () => void } }).playgroundDebug.loseBackend(),
  );
  await expect(page.getByTestId('ui.notice')).toContainText('The webgpu backend stopped working', { timeout: 60_000 });
  await expect(page.getByTestId('status.backend')).not.toHaveText('webgpu');
  await expect(page.getByTestId('status.state')).toHaveText('training');
  const after = await batch(page);
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(after + 10);
  await expect(page.getByTestId('train.backend').locator('option[value="webgpu"]')).toHaveCount(0); // not offered again
});
