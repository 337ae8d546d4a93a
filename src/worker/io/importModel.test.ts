// Import of TensorFlow.js Layers models: this app's own exports round-trip exactly; bad files are refused
// with a clear message.
import { english } from '../../i18n/english';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLayersModel } from '../../model/importModel';
import { PRESETS, presetById } from '../../model/presets';
import { weightSizes } from '../../model/shapes';
import type { NetworkSpec } from '../../model/spec';
import { buildModel } from '../training/buildModel';
import { exportLayersModel, WEIGHTS_FILE } from './exportModel';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function exported(id: Parameters<typeof presetById>[0] | NetworkSpec) {
  const { model } = buildModel(typeof id === 'string' ? presetById(id).network : id, 5);
  const { modelJson, weights } = await exportLayersModel(model);
  const values = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return { modelJson, weights, values };
}

describe('TensorFlow.js Layers import', () => {
  for (const p of PRESETS) {
    it(`round-trips the ${p.id} export: same network, same weights`, async () => {
      const e = await exported(p.id);
      const r = importLayersModel(e.modelJson, new Map([[WEIGHTS_FILE, e.weights]]));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.network).toEqual(p.network);
      expect(r.weights.map((w) => Array.from(w))).toEqual(e.values);
    });
  }

  it('round-trips BatchNorm between weight layers: its moving statistics come last, as in tfjs getWeights()', async () => {
    const net: NetworkSpec = {
      layers: [
        { kind: 'conv2d', filters: 2, kernelSize: 3, stride: 2, padding: 'same', activation: 'relu' },
        { kind: 'batchNorm' },
        { kind: 'flatten' },
        { kind: 'dense', units: 6, activation: 'tanh' },
        { kind: 'batchNorm' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const e = await exported(net);
    expect(e.values.map((v) => v.length)).toEqual(weightSizes(net));
    const r = importLayersModel(e.modelJson, new Map([[WEIGHTS_FILE, e.weights]]));
    expect(r.ok && r.weights.map((w) => Array.from(w))).toEqual(e.values);
  });

  it('accepts a flat [784] input by putting a Flatten first', async () => {
    const e = await exported('logistic');
    const j = JSON.parse(e.modelJson);
    j.modelTopology.config.layers = j.modelTopology.config.layers.slice(1);
    j.modelTopology.config.layers[0].config.batch_input_shape = [null, 784];
    const r = importLayersModel(JSON.stringify(j), new Map([[WEIGHTS_FILE, e.weights]]));
    expect(r.ok && r.network).toEqual(presetById('logistic').network);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case edits model.json freely
  const cases: [string, (j: any, w: ArrayBuffer) => [string, Map<string, ArrayBuffer>], RegExp][] = [
    ['not JSON', (_j, w) => ['{"format": "layers-', new Map([[WEIGHTS_FILE, w]])], /not JSON/],
    [
      'no topology',
      (j, w) => [JSON.stringify({ ...j, modelTopology: undefined }), new Map([[WEIGHTS_FILE, w]])],
      /no modelTopology/,
    ],
    [
      'a graph model',
      (j, w) => [JSON.stringify({ ...j, format: 'graph-model' }), new Map([[WEIGHTS_FILE, w]])],
      /only "layers-model"/,
    ],
    [
      'a functional model',
      (j, w) => [
        JSON.stringify({ ...j, modelTopology: { ...j.modelTopology, class_name: 'Model' } }),
        new Map([[WEIGHTS_FILE, w]]),
      ],
      /only Sequential/,
    ],
    [
      'an unknown layer',
      (j, w) => {
        j.modelTopology.config.layers.splice(2, 0, { class_name: 'LSTM', config: { name: 'lstm_9', units: 4 } });
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /unsupported layers: LSTM "lstm_9"/,
    ],
    [
      'a LeakyReLU with another slope',
      (j, w) => {
        j.modelTopology.config.layers.splice(2, 0, { class_name: 'LeakyReLU', config: { name: 'lr', alpha: 0.01 } });
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /LeakyReLU "lr" \(alpha 0.01/,
    ],
    [
      'the wrong input shape',
      (j, w) => {
        j.modelTopology.config.layers[0].config.batch_input_shape = [null, 32, 32, 3];
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /input is \[32,32,3\]/,
    ],
    [
      'a missing weight file',
      (j) => [JSON.stringify(j), new Map()],
      /weight file "mnist-playground.weights.bin" was not given/,
    ],
    [
      'truncated weights',
      (j, w) => [JSON.stringify(j), new Map([[WEIGHTS_FILE, w.slice(0, w.byteLength - 40)]])],
      /too short \(truncated\?\)/,
    ],
    [
      'extra bytes',
      (j, w) => [
        JSON.stringify(j),
        new Map([[WEIGHTS_FILE, new Uint8Array([...new Uint8Array(w), 1, 2, 3, 4]).buffer]]),
      ],
      /4 bytes more/,
    ],
    [
      'quantized weights',
      (j, w) => {
        j.weightsManifest[0].weights[0].dtype = 'uint8';
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /only float32/,
    ],
    [
      'huge shapes',
      (j, w) => {
        j.weightsManifest[0].weights[0].shape = [1e6, 1e6];
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /impossible shape/,
    ],
    [
      'a layer too big to train',
      (j, w) => {
        j.modelTopology.config.layers[1].config.units = 100000;
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /Dense layer 2: units must be a whole number from 1 to 4096/,
    ],
    [
      'weights of the wrong size',
      (j, w) => {
        const ws = j.weightsManifest[0].weights;
        [ws[0].name, ws[2].name] = [ws[2].name, ws[0].name]; // kernel of one layer where another's belongs
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /holds \d+ numbers, the layer needs/,
    ],
    [
      // Found by the fuzzer: String(x) and Number(x) call a file's own toString/valueOf, and null ones throw.
      'values whose toString and valueOf are null',
      (j, w) => {
        j.format = { toString: null };
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /its format is "object", only "layers-model" is supported/,
    ],
    [
      'units whose toString and valueOf are null',
      (j, w) => {
        j.modelTopology.config.layers[1].config.units = { toString: null, valueOf: null };
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /Dense layer 2: units must be a whole number from 1 to 4096/,
    ],
    [
      'a manifest that lists one weight file many times (each copy would be allocated)',
      (j, w) => {
        j.weightsManifest[0].paths = Array.from({ length: 1000 }, () => WEIGHTS_FILE);
        return [JSON.stringify(j), new Map([[WEIGHTS_FILE, w]])];
      },
      /lists the file "[^"]+" more than once/,
    ],
    [
      'weight files that add up to more than 64 MB',
      (j, w) => {
        j.weightsManifest[0].paths = [WEIGHTS_FILE, 'big.bin'];
        return [
          JSON.stringify(j),
          new Map([
            [WEIGHTS_FILE, w],
            ['big.bin', new ArrayBuffer(64 * 2 ** 20)],
          ]),
        ];
      },
      /asks for 65 MB of weights, more than 64 MB/,
    ],
  ];
  it('refuses a BatchNorm moving variance below zero (every prediction would be NaN)', async () => {
    const net: NetworkSpec = {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 6, activation: 'relu' },
        { kind: 'batchNorm' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const e = await exported(net);
    const j = JSON.parse(e.modelJson);
    const specs = j.weightsManifest[0].weights as { name: string; shape: number[] }[];
    const floats = new Float32Array(e.weights.slice(0));
    let off = 0;
    for (const spec of specs) {
      const n = spec.shape.reduce((a, b) => a * b, 1);
      if (spec.name.endsWith('moving_variance')) floats[off] = -1;
      off += n;
    }
    const r = importLayersModel(e.modelJson, new Map([[WEIGHTS_FILE, floats.buffer]]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.error)).toMatch(/moving variance "[^"]+moving_variance" has values below 0/);
  });

  for (const [name, mutate, message] of cases) {
    it(`refuses ${name}`, async () => {
      const e = await exported('mlp-seed');
      const [text, files] = mutate(JSON.parse(e.modelJson), e.weights);
      const r = importLayersModel(text, files);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.error)).toMatch(message);
    });
  }
});
