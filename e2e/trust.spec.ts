import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import * as acorn from 'acorn';
import Papa from 'papaparse';
import { openReady } from './helpers';

// The trust boundary as a person meets it: a student's session file with a poisoned run, a link pasted into a tab
// that has trained, an exercise link's locks, and a browser that blocks site storage.

const PAYLOAD = 'relu", name=print("PWNED") or "x';
const FORMULA = '=HYPERLINK("http://example.invalid","click")';
const MLP = {
  layers: [
    { kind: 'flatten' },
    { kind: 'dense', units: 128, activation: 'relu' },
    { kind: 'dense', units: 10, activation: 'softmax' },
  ],
};
const config = (learningRate: number) => ({
  optimizer: 'adam',
  learningRate,
  batchSize: 128,
  seed: 42,
  l2: 0,
  schedule: 'constant',
  epochLimit: 0,
  trainSize: 0,
  augment: 'affine',
});
const run = (id: string, name: string, network: unknown, learningRate: number) => ({
  id,
  name,
  renamed: true,
  network,
  params: 101770,
  config: config(learningRate),
  backend: 'wasm',
  startedAt: '2026-12-07T10:00:00.000Z',
  seconds: 12,
  examples: 60000,
  series: [{ batch: 10, loss: 0.5, accuracy: 0.9 }],
  epochs: [{ epoch: 1, batch: 469, testAccuracy: 0.95, testLoss: 0.17 }],
  markers: [],
  timeline: [{ batch: 10, seconds: 1, examples: 1280 }],
  reached: { '0.95': { epoch: 1, examples: 60000, seconds: 12 }, '0.975': null },
});

/** A session file as a student could hand it in: one run's network carries code, a marker carries i18next options. */
const poisonedSession = JSON.stringify({
  format: 'mnist-playground-session',
  version: 1,
  name: 'Homework',
  savedAt: '2026-12-07T10:00:00.000Z',
  experiment: 'v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.003&bs=128&seed=42&aug=affine',
  point: null,
  history: {
    series: [
      { batch: 1, loss: 2.3, accuracy: 0.1 },
      { batch: 2, loss: 2.2, accuracy: 0.15 },
    ],
    epochs: [],
    markers: [
      {
        batch: 1,
        kind: 'change',
        label: { key: 'change.learningRate', values: { from: 1, to: 2, lng: 'xx', ns: 'zz', returnObjects: 1 } },
      },
    ],
  },
  runs: [
    run(
      'mk1-poison',
      'poisoned',
      { layers: [{ kind: 'flatten' }, { kind: 'dense', units: 128, activation: PAYLOAD }, MLP.layers[2]] },
      0.003,
    ),
    run('mk2-nulls', 'null layer', { layers: [null, MLP.layers[2]] }, 0.003),
    run('mk3-clean', FORMULA, MLP, 0.02),
  ],
});

const download = async (page: Page, testId: string) => {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return readFileSync((await d.path())!, 'utf8');
};

test('a session file with a poisoned run opens harmlessly: the run is dropped, exports stay literal, the CSV is safe', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openReady(page);
  await page.getByTestId('io.file-input').setInputFiles({
    name: 'homework.mnist-session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(poisonedSession),
  });
  await expect(page.getByTestId('ui.notice')).toContainText('Homework');
  // Only the clean run is kept; the charts render the marker whose values named i18next options.
  const clean = page.getByTestId('runs.item').filter({ hasText: '=HYPERLINK' });
  await expect(clean).toHaveCount(1);
  await expect(page.getByTestId('runs.item').filter({ hasText: /poisoned|null layer/ })).toHaveCount(0);
  await expect(page.locator('[data-testid^="ui.panel-error-"]')).toHaveCount(0);

  // "Use settings" puts the run's learning rate back, through the same decoders.
  await clean.getByTestId('runs.use-settings').click();
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('0.02');

  const py = await download(page, 'io.export-keras');
  const js = await download(page, 'io.export-tfjs-code');
  for (const code of [py, js]) expect(code).not.toContain('PWNED');
  expect(py).toContain('tf.keras.layers.Dense(128, activation="relu")');
  expect(() => acorn.parse(js, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();

  // The runs CSV, parsed back: the formula is text (a leading '), quotes and commas survive.
  const csv = Papa.parse<Record<string, string>>(await download(page, 'runs.export-csv'), {
    header: true,
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  const row = csv.data.find((r) => r.run_id === 'mk3-clean')!;
  expect(row.name).toBe(`'${FORMULA}`);
  expect(row.learning_rate).toBe('0.02');
  expect(row.test_accuracy).toBe('0.95');
  expect(errors).toEqual([]);
});

test('a link pasted into a tab that has trained changes nothing without asking, and only what it names', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await expect(page.getByTestId('builder.params')).toHaveText('101770');

  // A new network would throw the trained weights away: the question is declined (Playwright dismisses it).
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.evaluate(() => (location.hash = '#v=1&net=f,d32.relu,d10.softmax&opt=sgd&lr=0.5&bs=64&seed=1'));
  await expect(page.getByTestId('ui.notice')).toContainText('The link was not applied');
  expect(asked.join(' ')).toContain('throws away the 1 batches');
  await expect(page.getByTestId('builder.params')).toHaveText('101770');
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('0.01');
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await expect(page).toHaveURL(/net=f,d128\.relu,d10\.softmax/);

  // A link naming only the learning rate changes only that, without a question; the weights stay.
  await page.evaluate(() => (location.hash = '#v=1&lr=0.02'));
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('0.02');
  await expect(page.getByTestId('builder.params')).toHaveText('101770');
  expect(asked).toHaveLength(1);
  await expect(page).toHaveURL(/opt=adam&lr=0\.02&bs=64&seed=42/);

  // A hash that does not decode changes nothing but the notice.
  await page.evaluate(() => (location.hash = '#v=1&net=lstm64'));
  await expect(page.getByTestId('ui.notice')).toContainText('unknown layer "lstm64"');
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('0.02');
  await expect(page.getByTestId('status.batch')).toHaveText('1');
});

test('locks mean locked: a lesson on a link that locks the network and the hyperparameters is refused whole', async ({
  page,
}) => {
  await page.goto('/#v=1&net=f,d64.relu,d10.softmax&opt=sgd&lr=0.05&bs=128&seed=42&lock=network,hyper');
  await expect(page.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('builder.params')).toHaveText('50890');
  const lessons = page.getByTestId('ui.lesson').locator('option');
  const lesson = await lessons.nth(1).getAttribute('value');
  await page.getByTestId('ui.lesson').selectOption(lesson!);
  await expect(page.getByTestId('ui.notice')).toContainText(
    'was not applied: this exercise link locks the network and the hyperparameters',
  );
  await expect(page.getByTestId('builder.params')).toHaveText('50890');
  await expect(page.getByTestId('hp.learning-rate')).toHaveValue('0.05');
  await expect(page.getByTestId('sweep.open')).toBeDisabled();
  // Emptying the hash keeps the exercise as it is, locks included.
  await page.evaluate(() => (location.hash = ''));
  await expect(page).toHaveURL(/lock=network,hyper/);
  await expect(page.getByTestId('sweep.open')).toBeDisabled();
});

test('with site storage blocked the page renders and trains, and saving says storage is unavailable', async ({
  page,
}) => {
  // Chromium has no switch for the setting schools use; its effect is that these getters throw.
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage', 'indexedDB'])
      Object.defineProperty(window, name, {
        configurable: true,
        get() {
          throw new DOMException(`Access to '${name}' is denied for this document.`, 'SecurityError');
        },
      });
  });
  await openReady(page);
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');
  await page.getByTestId('io.save').click();
  await expect(page.getByTestId('io.error')).toContainText('does not let the page use site storage');
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('2');
});
