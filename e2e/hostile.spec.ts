import { expect, test, type Page } from '@playwright/test';
import { openReady } from './helpers';

// Hostile inputs and faults a class produces: each leaves the page working, with a message, and loses nothing.

type Debug = { breakPanel: (part: string) => void; killWorker: () => void; requestSample: () => Promise<string> };
const batch = async (page: Page) => Number(await page.getByTestId('status.batch').textContent());

test('a hostile session file and a hostile model import are refused with a message; the session is untouched', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  const params = await page.getByTestId('builder.params').textContent();

  // A marker label nested 5,000 levels deep, 1e999 losses and a counter where batch++ changes nothing.
  const deep = '{"key":"change.list","values":{"first":'.repeat(5000) + '{"key":"text"}' + '}}'.repeat(5000);
  const session = `{"format":"mnist-playground-session","version":1,"name":"x","experiment":"v=1&net=f,d10.softmax&opt=adam&lr=0.01&bs=128&seed=1","point":null,"history":{"series":[{"batch":1,"loss":1e999,"accuracy":0.5}],"markers":[{"batch":9007199254740992,"label":${deep}}]}}`;
  await page
    .getByTestId('io.file-input')
    .setInputFiles({ name: 'hostile.mnist-session.json', mimeType: 'application/json', buffer: Buffer.from(session) });
  await expect(page.getByTestId('io.error')).toContainText('This is not a session that can be opened');

  // A logistic-regression model whose weights hold NaN.
  const weights = new Float32Array(7850).fill(0.01);
  weights[100] = NaN;
  const modelJson = {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 's',
        layers: [
          { class_name: 'Flatten', config: { name: 'flatten_0', batch_input_shape: [null, 28, 28, 1] } },
          { class_name: 'Dense', config: { name: 'dense_1', units: 10, activation: 'softmax' } },
        ],
      },
    },
    weightsManifest: [
      {
        paths: ['w.bin'],
        weights: [
          { name: 'dense_1/kernel', shape: [784, 10], dtype: 'float32' },
          { name: 'dense_1/bias', shape: [10], dtype: 'float32' },
        ],
      },
    ],
  };
  await page.getByTestId('io.model-input').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(modelJson)) },
    { name: 'w.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights.buffer) },
  ]);
  await expect(page.getByTestId('io.error')).toContainText('weight "dense_1/kernel" contains NaN or infinite values');

  // Nothing changed, and training goes on.
  await expect(page.getByTestId('builder.params')).toHaveText(params!);
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('2');
});

test('a network that cannot train cannot be saved either (it would never open again), and says why', async ({
  page,
}) => {
  await openReady(page);
  const layers = page.getByTestId('builder.layer');
  const last = (await layers.count()) - 1;
  await layers
    .nth(last)
    .getByRole('button', { name: `Remove layer ${last + 1}` })
    .click();
  await expect(page.getByTestId('builder.problem')).toBeVisible();
  await page.getByTestId('io.save').click();
  await expect(page.getByTestId('io.error')).toContainText('cannot be saved because it could never be opened again');
});

test('a link to a network too big to train loads the default experiment with a message saying what to shrink', async ({
  page,
}) => {
  await page.goto('/#v=1&net=c512.3.1.same.relu,c512.3.1.same.relu,f,d10.softmax&opt=adam&lr=0.001&bs=128&seed=1');
  await expect(page.getByTestId('ui.notice')).toContainText('cannot train');
  await expect(page.getByTestId('ui.notice')).toContainText('multiply-adds per image');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('builder.params')).toHaveText('101770');
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
});

test('a panel that throws shows its boundary, training goes on, and the panel reloads', async ({ page }) => {
  await openReady(page);
  await page.getByTestId('train.start').click();
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(5);
  await page.evaluate(() => (window as unknown as { playgroundDebug: Debug }).playgroundDebug.breakPanel('charts'));
  await expect(page.getByTestId('ui.panel-error-charts')).toContainText('hit a bug');
  await expect(page.getByTestId('train.pause')).toBeVisible(); // the rest of the page is alive
  const before = await batch(page);
  await expect.poll(() => batch(page), { timeout: 60_000 }).toBeGreaterThan(before + 5);
  await page.getByTestId('ui.panel-reload-charts').click();
  await expect(page.getByTestId('ui.panel-error-charts')).toHaveCount(0);
  await expect(page.getByTestId('metrics.train-loss')).toBeVisible();
  await page.getByTestId('train.pause').click();
});

test('a request pending when the worker dies is rejected once the worker is replaced, and the new worker answers', async ({
  page,
}) => {
  await openReady(page);
  const outcome = await page.evaluate(async () => {
    const d = (window as unknown as { playgroundDebug: Debug }).playgroundDebug;
    d.killWorker(); // silently, as a crash would: only the watchdog notices
    return d.requestSample();
  });
  expect(outcome).toBe('worker.requestLost');
  await expect(page.getByTestId('ui.notice')).toContainText('stopped responding');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  expect(
    await page.evaluate(() => (window as unknown as { playgroundDebug: Debug }).playgroundDebug.requestSample()),
  ).toBe('ok');
});
