import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { expect, test } from '@playwright/test';
import { openReady } from './helpers';

test('the Keras script and the TF.js code carry the network; the TF.js model loads with tf.loadLayersModel', async ({
  page,
}) => {
  await openReady(page);
  await page.getByTestId('train.step').click();
  await expect(page.getByTestId('status.batch')).toHaveText('1');

  const [keras] = await Promise.all([page.waitForEvent('download'), page.getByTestId('io.export-keras').click()]);
  expect(keras.suggestedFilename()).toBe('mnist_playground.py');
  const py = readFileSync((await keras.path())!, 'utf8');
  expect(py).toContain('tf.keras.layers.Dense(128, activation="relu")');
  expect(py).toContain('optimizer = tf.keras.optimizers.Adam(learning_rate=lr)');

  const [code] = await Promise.all([page.waitForEvent('download'), page.getByTestId('io.export-tfjs-code').click()]);
  expect(readFileSync((await code.path())!, 'utf8')).toContain("tf.layers.dense({ units: 128, activation: 'relu' })");

  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (d) => downloads.push({ name: d.suggestedFilename(), path: (await d.path())! }));
  await page.getByTestId('io.export-tfjs').click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const json = JSON.parse(readFileSync(downloads.find((d) => d.name === 'model.json')!.path, 'utf8'));
  const weightsPath = downloads.find((d) => d.name === json.weightsManifest[0].paths[0])!.path;
  const buf = readFileSync(weightsPath);
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights,
      weightData: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength),
    }),
  );
  expect(model.countParams()).toBe(101770);
  // On real test digits the loaded model predicts what the app predicts (different backends: 1e-4).
  const digits = gunzipSync(readFileSync('public/data/test-images.idx.gz')).subarray(16);
  for (let k = 0; k < 5; k++) {
    const x = Array.from(digits.subarray(k * 784, (k + 1) * 784), (v) => v / 255);
    const theirs = tf.tidy(() => Array.from((model.predict(tf.tensor4d(x, [1, 28, 28, 1])) as tf.Tensor).dataSync()));
    const ours = await page.evaluate(
      (px) =>
        (
          window as unknown as { playgroundDebug: { classify: (p: number[]) => Promise<number[]> } }
        ).playgroundDebug.classify(px),
      x,
    );
    expect(Math.max(...ours.map((p, c) => Math.abs(p - theirs[c]))), `test image ${k}`).toBeLessThan(1e-4);
  }
  model.dispose();

  // Import the export into a fresh page: it appears in the builder with its weights and predicts the same digit.
  const other = await page.context().newPage();
  await other.goto('/#v=1&net=f,d10.softmax');
  await expect(other.getByTestId('status.state')).toHaveText('ready', { timeout: 120_000 });
  await other.getByTestId('io.model-input').setInputFiles([
    {
      name: 'model.json',
      mimeType: 'application/json',
      buffer: readFileSync(downloads.find((d) => d.name === 'model.json')!.path),
    },
    { name: json.weightsManifest[0].paths[0], mimeType: 'application/octet-stream', buffer: buf },
  ]);
  await expect(other.getByTestId('builder.params')).toHaveText('101770', { timeout: 60_000 });
  await expect(other.getByTestId('builder.preset')).toHaveValue('mlp-seed');
  await expect(other.getByTestId('status.state')).toHaveText(/ready|paused/);
  await other
    .getByTestId('io.model-input')
    .setInputFiles([{ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('not json') }]);
  await expect(other.getByTestId('io.error')).toContainText('not JSON');
  await expect(other.getByTestId('builder.params')).toHaveText('101770'); // unchanged
});
