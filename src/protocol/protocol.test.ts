import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../model/training';
import { presetById } from '../model/presets';
import type { FromWorker } from './fromWorker';
import { PROTOCOL_VERSION, type ToWorker } from './toWorker';
import { isFromWorker, isToWorker, transferablesOf } from './transfer';

/** Sends a message through a real MessageChannel with its transfer list, as the worker client and worker do. */
function roundTrip<T>(msg: T, transfer: ArrayBuffer[]): Promise<T> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.onmessage = (e) => {
      resolve(e.data as T);
      port1.close();
      port2.close();
    };
    port1.postMessage(msg, transfer);
  });
}

describe('worker protocol', () => {
  it('transfers (not copies) the pixels of a predict message', async () => {
    const pixels = new Float32Array(784).fill(0.5);
    const msg: ToWorker = { type: 'predict', rid: 3, pixels };
    const transfer = transferablesOf(msg);
    expect(transfer).toEqual([pixels.buffer]);
    const received = await roundTrip(msg, transfer);
    expect(pixels.byteLength).toBe(0); // detached: ownership moved to the receiver
    expect(isToWorker(received)).toBe(true);
    expect(received.type === 'predict' && received.pixels[783]).toBe(0.5);
  });

  it('carries the init message with plain data only', async () => {
    const msg: ToWorker = {
      type: 'init',
      version: PROTOCOL_VERSION,
      dataUrl: '/data/',
      network: presetById('mlp-seed').network,
      config: DEFAULT_CONFIG,
      backend: 'auto',
      restore: null,
    };
    expect(transferablesOf(msg)).toEqual([]);
    expect(await roundTrip(msg, [])).toEqual(msg);
  });

  it('transfers the weights of a restore point nested in init and snapshot messages', () => {
    const weights = [new Float32Array(4), new Float32Array(2)];
    const msg: FromWorker = { type: 'snapshot', point: { batch: 3, epoch: 0, weights } };
    expect(transferablesOf(msg)).toEqual(weights.map((w) => w.buffer));
  });

  it('rejects malformed messages on both sides', () => {
    const px = new Float32Array(784);
    for (const bad of [
      null,
      42,
      'start',
      {},
      { type: 'explode' },
      { type: 'predict', rid: 1, pixels: new Float32Array(10) },
      { type: 'predict', rid: 1, pixels: [1, 2] },
      { type: 'predict', pixels: new Float32Array(784) }, // a request without its rid
      { type: 'getSample', rid: 1.5 },
      { type: 'hasOwnProperty' },
      { type: 'learningStepCheck', rid: 2, weights: [null] },
      { type: 'getSample', rid: 3, index: 10_000 },
      { type: 'getSample', rid: 3, index: -1 },
      { type: 'explain', rid: 4, pixels: px, cls: 10, versus: null, method: 'gradient' },
      { type: 'explain', rid: 4, pixels: px, cls: 3, versus: 3.5, method: 'gradient' },
      { type: 'explain', rid: 4, pixels: px, cls: 3, versus: null, method: 'occlusion' },
      { type: 'attack', rid: 5, pixels: px, target: 3, epsilon: 1.5 },
      { type: 'attack', rid: 5, pixels: px, target: 3, epsilon: NaN },
      { type: 'attack', rid: 5, pixels: px, target: -1, epsilon: 0.1 },
      { type: 'hiddenMap', rid: 6, layer: 0.5, self: null, points: false, pixels: false },
      { type: 'hiddenMap', rid: 6, layer: 1, self: new Float32Array(3), points: false, pixels: false },
      { type: 'hiddenMap', rid: 6, layer: 1, self: null, points: 'yes', pixels: false },
    ])
      expect(isToWorker(bad)).toBe(false);
    for (const good of [
      { type: 'getSample', rid: 3, index: 9_999 },
      { type: 'explain', rid: 4, pixels: px, cls: 3, versus: 8, method: 'integrated' },
      { type: 'attack', rid: 5, pixels: px, target: 3, epsilon: 0.3 },
      { type: 'hiddenMap', rid: 6, layer: 1, self: px, points: true, pixels: false },
    ])
      expect(isToWorker(good)).toBe(true);
    for (const bad of [
      undefined,
      { type: 'progress' },
      { type: 'nope' },
      { type: 'reply', rid: 1, request: 7, answer: null },
      { type: 'reply', rid: 1, request: 'getSample' },
      { type: 'reply', request: 'getSample', answer: null },
      { type: 'failed', rid: 1, message: 'plain text' },
    ])
      expect(isFromWorker(bad)).toBe(false);
  });

  it('accepts every well-formed event from the worker', () => {
    const events: FromWorker[] = [
      { type: 'state', state: 'training' },
      { type: 'dataProgress', loadedBytes: 1, totalBytes: 2 },
      { type: 'dataReady', trainCount: 60000, testCount: 10000 },
      {
        type: 'backend',
        backend: 'wasm',
        available: ['wasm', 'cpu'],
        note: { key: 'backend.fastest', values: { backend: 'wasm', detail: 'x' } },
      },
      { type: 'error', message: { key: 'data.failed', values: { detail: 'x' } }, retryData: true },
      {
        type: 'progress',
        epoch: 0,
        batch: 1,
        batchInEpoch: 1,
        batchesPerEpoch: 937,
        examplesPerSecond: 1,
        learningRate: 0.01,
        insightShare: 0.02,
        points: [{ batch: 1, loss: 2.3, accuracy: 0.1 }],
      },
      { type: 'epochEnd', epoch: 1, batch: 937, testAccuracy: 0.96, testLoss: 0.1, evalMs: 100 },
      { type: 'histograms', batch: 1, epoch: 0, layers: [] },
      { type: 'resetDone' },
      { type: 'reply', rid: 1, request: 'predict', answer: { probs: new Float32Array(10), activations: [] } },
      { type: 'failed', rid: 2, message: { key: 'worker.notReady' } },
      { type: 'confusion', epoch: 1, confusion: new Array(100).fill(100) },
      { type: 'configApplied', batch: 5, changes: [{ key: 'change.learningRate', values: { from: 0.1, to: 1 } }] },
      {
        type: 'diverged',
        batch: 9,
        restoredBatch: 5,
        testAccuracy: 0.9,
        message: { key: 'worker.diverged.noRestore', values: { what: 'x' } },
      },
    ];
    for (const e of events) expect(isFromWorker(e)).toBe(true);
  });
});
