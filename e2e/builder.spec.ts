import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

async function addLayer(page: Page, kind: string) {
  await page.getByTestId('builder.add-layer').click();
  await page.getByTestId(`builder.add-kind-${kind}`).click();
}

const shapes = (page: Page) => page.getByTestId('builder.layer-shape').allTextContents();
const kinds = (page: Page) =>
  page.getByTestId('builder.layer').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-kind')));

test('build a CNN from the empty network, watch shapes, train some batches', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('builder.clear').click();
  await expect(page.getByTestId('builder.layer')).toHaveCount(0);
  await expect(page.getByTestId('builder.problem')).toContainText('no layers');
  await expect(page.getByTestId('train.start')).toBeDisabled();

  await addLayer(page, 'conv2d');
  await expect.poll(() => shapes(page)).toEqual(['28×28×8']);
  const conv = page.getByTestId('builder.layer').first();
  await conv.getByLabel('filters').fill('4');
  await conv.getByLabel('stride').fill('2');
  await expect.poll(() => shapes(page)).toEqual(['14×14×4']);
  await addLayer(page, 'maxPool2d');
  await addLayer(page, 'flatten');
  await addLayer(page, 'dense');
  await expect.poll(() => shapes(page)).toEqual(['14×14×4', '7×7×4', '196', '64']);
  await expect(page.getByTestId('builder.problem')).toContainText('10 units and softmax');
  const dense = page.getByTestId('builder.layer').last();
  await dense.getByLabel('units').fill('10');
  await dense.getByLabel('activation').selectOption('softmax');
  await expect(page.getByTestId('builder.problem')).toHaveCount(0);
  await expect(page.getByTestId('builder.params')).toHaveText(String(3 * 3 * 1 * 4 + 4 + 196 * 10 + 10));
  expect(await kinds(page)).toEqual(['conv2d', 'maxPool2d', 'flatten', 'dense']);

  // The worker rebuilds for the new network, re-checking which backend can train convolutions.
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  // Without a GPU the CNN trains on wasm too (its convolution gradients come from worker/wasmConvGrad.ts).
  await expect(page.getByTestId('status.backend')).toHaveText(/^(webgpu|webgl|wasm)$/);
  for (let i = 1; i <= 3; i++) {
    await page.getByTestId('train.step').click();
    await expect(page.getByTestId('status.batch')).toHaveText(String(i), { timeout: 60_000 });
  }
  await expect(page.getByTestId('insight.histogram')).toHaveCount(2);
});

test('an impossible network disables Train and shows the problem next to the layer', async ({ page }) => {
  await openReady(page);
  await expect(page.getByTestId('train.start')).toBeEnabled();
  await page.getByTestId('builder.add-position').selectOption('0');
  await addLayer(page, 'conv2d');
  const conv = page.getByTestId('builder.layer').first();
  await expect(conv).toHaveAttribute('data-kind', 'conv2d');
  await conv.getByLabel('padding').selectOption('valid');
  await conv.getByLabel('stride').fill('20');
  await expect(page.getByTestId('builder.problem')).toHaveCount(0); // 28×28 → 1×1 with stride 20: fits
  // After a 2×2 pool the input is 14×14: a 20×20 valid kernel does not fit.
  await page.getByTestId('builder.add-position').selectOption('0');
  await addLayer(page, 'maxPool2d');
  const conv2 = page.getByTestId('builder.layer').nth(1);
  await conv2.getByLabel('stride').fill('1');
  await conv2.getByLabel('kernel').fill('20');
  await expect(page.getByTestId('builder.problem')).toHaveText('Layer 2: Kernel 20×20 is larger than its 14×14 input.');
  await expect(conv2.getByRole('alert')).toContainText('larger than its 14×14 input');
  await expect(page.getByTestId('train.start')).toBeDisabled();
  await expect(page.getByTestId('train.step')).toBeDisabled();
  await conv2.getByLabel('kernel').fill('3');
  await expect(page.getByTestId('builder.problem')).toHaveCount(0);

  // A value outside what a link can carry is never applied: the field says so and the last valid value holds.
  const dense = page.getByTestId('builder.layer').nth(3);
  await dense.getByLabel('units').fill('0');
  await expect(dense.getByRole('alert')).toContainText(
    'units: a whole number from 1 to 4096 (the last valid value is kept)',
  );
  await expect(page).toHaveURL(/d128\.relu/);
  await conv2.getByLabel('kernel').fill('99');
  await expect(conv2.getByRole('alert')).toContainText('kernel: a whole number from 1 to 28');
  await expect(page).toHaveURL(/c8\.3\.1\.valid\.relu/);
});

test('layers reorder by drag and drop, by keyboard, and by the arrow buttons', async ({ page }) => {
  await openReady(page);
  expect(await kinds(page)).toEqual(['flatten', 'dense', 'dense']);

  // Pointer drag: drop the first layer onto the last.
  const handle = page.getByRole('button', { name: /^Move layer 1 \(Flatten\)/ });
  const target = page.getByTestId('builder.layer').last();
  const hb = (await handle.boundingBox())!;
  const tb = (await target.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  for (let s = 1; s <= 10; s++)
    await page.mouse.move(hb.x + hb.width / 2, hb.y + ((tb.y + tb.height * 0.7 - hb.y) * s) / 10);
  await page.mouse.up();
  await expect.poll(() => kinds(page)).toEqual(['dense', 'dense', 'flatten']);
  await expect(page.getByTestId('builder.problem')).toContainText('Flatten');

  // Keyboard: focus the handle, space to lift, arrow to move, space to drop.
  // (Retried as a whole: a key press that lands while the previous drop still animates is ignored by dnd-kit.)
  await expect(async () => {
    if ((await kinds(page))[0] !== 'flatten') {
      // A drag left lifted by a press that landed mid-animation (seen under load in CI) is cancelled first.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Move layer \d \(Flatten\)/ }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Space');
    }
    await expect.poll(() => kinds(page), { timeout: 3_000 }).toEqual(['flatten', 'dense', 'dense']);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('builder.problem')).toHaveCount(0);

  // Buttons.
  await page.getByRole('button', { name: 'Move layer 1 down' }).click();
  expect(await kinds(page)).toEqual(['dense', 'flatten', 'dense']);
  await page.getByRole('button', { name: 'Copy layer 3' }).click();
  await page.getByRole('button', { name: 'Remove layer 1' }).click();
  expect(await kinds(page)).toEqual(['flatten', 'dense', 'dense']);
});

test('presets load, and changing the network after training asks first', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('builder.preset').selectOption('lenet5');
  await expect(page.getByTestId('builder.layer')).toHaveCount(8);
  await expect(page.getByTestId('builder.params')).toHaveText('61706');
  await page.getByTestId('builder.preset').selectOption('mlp-seed');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');

  page.once('dialog', (d) => d.dismiss());
  await page.getByTestId('builder.preset').selectOption('logistic');
  await expect(page.getByTestId('builder.preset')).toHaveValue('mlp-seed'); // kept: the person said no
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('builder.preset').selectOption('logistic');
  await expect(page.getByTestId('builder.params')).toHaveText('7850');
  await expect(page.getByTestId('status.batch')).toHaveText('0', { timeout: 60_000 });
});

test('the URL carries the experiment into a new page; a broken link gives defaults and a notice', async ({
  page,
  context,
}) => {
  await openReady(page);
  await page.getByTestId('builder.preset').selectOption('cnn-small');
  await page.getByTestId('hp.learning-rate').fill('0.02');
  await page.getByTestId('hp.optimizer').selectOption('rmsprop');
  await page.getByTestId('hp.batch-size').selectOption('32');
  await expect(page).toHaveURL(/lr=0\.02/);
  const url = page.url();

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('builder.preset')).toHaveValue('cnn-small');
  await expect(other.getByTestId('builder.params')).toHaveText(
    (await page.getByTestId('builder.params').textContent()) ?? '',
  );
  await expect(other.getByTestId('hp.learning-rate')).toHaveValue('0.02');
  await expect(other.getByTestId('hp.optimizer')).toHaveValue('rmsprop');
  await expect(other.getByTestId('hp.batch-size')).toHaveValue('32');
  await expect(other.getByTestId('ui.notice')).toHaveCount(0);

  const broken = await context.newPage();
  await broken.goto('/#v=1&net=<img src=x onerror=alert(1)>&lr=zzz');
  await expect(broken.getByTestId('ui.notice')).toContainText('could not be read');
  await expect(broken.getByTestId('builder.preset')).toHaveValue('mlp-seed');
  await expect(broken.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
});
