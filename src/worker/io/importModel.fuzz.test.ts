// Hostile model imports (model.json + weights from anywhere) and fuzzing of importLayersModel: every input gives a
// network the app can train with finite weights of the right sizes, or a clear message.
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { english } from '../../i18n/english';
import { importLayersModel } from '../../model/importModel';
import { inferNetwork, weightSizes } from '../../model/shapes';
import { allFinite, boundFor, FUZZ_RUNS, mutationOf, textMutationOf, timed, type Json } from '../../testing/fuzz';
import { buildModel } from '../training/buildModel';
import { exportLayersModel, WEIGHTS_FILE } from './exportModel';

let modelJson = '';
let weights = new ArrayBuffer(0);

beforeAll(async () => {
  await tf.setBackend('cpu');
  // The founding MLP with dropout: four weight arrays and layers of several kinds to mutate.
  const { model } = buildModel(
    {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 16, activation: 'relu' },
        { kind: 'dropout', rate: 0.2 },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    3,
  );
  ({ modelJson, weights } = await exportLayersModel(model));
  model.dispose();
});

function check(text: string, files: Map<string, ArrayBuffer>) {
  const { value: r, ms } = timed(() => importLayersModel(text, files));
  expect(ms).toBeLessThan(boundFor(text) + [...files.values()].reduce((s, b) => s + b.byteLength, 0) / 20_000);
  if (!r.ok) {
    expect(english(r.error)).toMatch(/cannot be imported/);
    return;
  }
  expect(inferNetwork(r.network).problem).toBeNull();
  expect(r.weights.map((w) => w.length)).toEqual(weightSizes(r.network));
  expect(allFinite(r.weights)).toBe(true);
}

const withWeights = (f: (w: Float32Array) => void) => {
  const copy = new Float32Array(weights.slice(0));
  f(copy);
  return new Map([[WEIGHTS_FILE, copy.buffer]]);
};

describe('hostile model imports', () => {
  it('refuses NaN weights, naming the weight', () => {
    const r = importLayersModel(
      modelJson,
      withWeights((w) => (w[5] = NaN)),
    );
    expect(!r.ok && english(r.error)).toMatch(/weight "dense_1\/kernel" contains NaN or infinite values/);
  });
  it('refuses infinite weights', () => {
    const r = importLayersModel(
      modelJson,
      withWeights((w) => (w[w.length - 1] = -Infinity)),
    );
    expect(!r.ok && english(r.error)).toMatch(/NaN or infinite/);
  });
  it('does not give one layer the weights of another whose name ends the same', () => {
    // Layers "dense_1" and "xdense_1" (renamed from dense_3): "xdense_1/kernel" ends with "dense_1/kernel" only
    // as text, not after a "/", and an exact name always wins.
    const j = JSON.parse(modelJson);
    const last = j.modelTopology.config.layers.at(-1);
    last.config.name = 'xdense_1';
    const manifest = j.weightsManifest[0].weights as { name: string }[];
    manifest.forEach((w) => (w.name = w.name.replace(/^dense_3\//, 'xdense_1/')));
    const r = importLayersModel(JSON.stringify(j), new Map([[WEIGHTS_FILE, weights]]));
    expect(r.ok).toBe(true);
    expect(r.ok && r.weights[2].length).toBe(160);
  });
  it('refuses weight names that two layers could claim', () => {
    const j = JSON.parse(modelJson);
    const manifest = j.weightsManifest[0].weights as { name: string }[];
    // Both layers' kernels now end in "/dense_1/kernel" behind different prefixes, and no exact name exists.
    manifest[0].name = 'a/dense_1/kernel';
    manifest[2].name = 'b/dense_1/kernel';
    const r = importLayersModel(JSON.stringify(j), new Map([[WEIGHTS_FILE, weights]]));
    expect(!r.ok && english(r.error)).toMatch(/more than one weight could be "dense_1\/kernel"/);
  });
  it('refuses a network too big to train', () => {
    const j = JSON.parse(modelJson);
    j.modelTopology.config.layers.splice(1, 0, {
      class_name: 'Conv2D',
      config: {
        name: 'big',
        filters: 512,
        kernel_size: [9, 9],
        strides: [1, 1],
        padding: 'same',
        activation: 'relu',
        batch_input_shape: [null, 28, 28, 1],
      },
    });
    const r = importLayersModel(JSON.stringify(j), new Map([[WEIGHTS_FILE, weights]]));
    expect(!r.ok && english(r.error)).toMatch(/multiply-adds per image|cannot be imported/);
  });
  it('refuses 500 layers before reading them', () => {
    const j = JSON.parse(modelJson);
    j.modelTopology.config.layers.push(
      ...Array.from({ length: 500 }, (_, i) => ({
        class_name: 'Activation',
        config: { name: `a${i}`, activation: 'relu' },
      })),
    );
    const r = importLayersModel(JSON.stringify(j), new Map([[WEIGHTS_FILE, weights]]));
    expect(!r.ok && english(r.error)).toMatch(/layers is more than this playground trains/);
  });
});

describe('fuzzing importLayersModel', () => {
  it(`survives ${FUZZ_RUNS} mutated model.json files`, () => {
    fc.assert(
      fc.property(mutationOf(JSON.parse(modelJson) as Json), (text) => check(text, new Map([[WEIGHTS_FILE, weights]]))),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} textual mutations of model.json`, () => {
    fc.assert(
      fc.property(textMutationOf(modelJson), (text) => check(text, new Map([[WEIGHTS_FILE, weights]]))),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} damaged weight files (cut, extended, bytes overwritten)`, () => {
    const bytes = fc
      .tuple(fc.nat(), fc.nat({ max: 64 }), fc.uint8Array({ maxLength: 64 }), fc.boolean())
      .map(([at, cut, patch, extend]) => {
        const b = new Uint8Array(weights.slice(0));
        const i = at % b.length;
        b.set(patch.subarray(0, b.length - i), i);
        return extend ? new Uint8Array([...b, ...patch]).buffer : b.slice(0, b.length - cut).buffer;
      });
    fc.assert(
      fc.property(bytes, (w) => check(modelJson, new Map([[WEIGHTS_FILE, w]]))),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
});
