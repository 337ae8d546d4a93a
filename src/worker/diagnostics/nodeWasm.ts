// Shared by the Node measurements (recipeSearch, dataLabMeasure): the wasm backend as the page runs it, and a
// plain loop that trains a Trainer for whole epochs the way the runner does (losses read back in groups).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { setFastWasmMatMul } from '../kernels/wasm/fastWasmMatMul';
import { registerWasmConvGrad } from '../kernels/wasm/wasmConvGrad';
import type { Trainer } from '../training/trainer';

/** tfjs on wasm in Node, with the page's faster matrix products and its convolution gradients. */
export async function useNodeWasm() {
  setWasmPaths(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
  await tf.setBackend('wasm');
  setFastWasmMatMul(true);
  registerWasmConvGrad(); // as the page does: convolutions train on wasm
}

/** Trains until `epochs` epochs are done; `onEpoch` runs after each (e.g. an evaluation). Returns the seconds. */
export async function trainEpochs(t: Trainer, epochs: number, onEpoch: () => Promise<void> = async () => {}) {
  const t0 = performance.now();
  while (t.epoch < epochs) {
    t.trainBatch();
    if (t.pendingCount >= 64) await t.drainPoints();
    if (t.epochDone) {
      await t.drainPoints();
      t.nextEpoch();
      await onEpoch();
    }
  }
  return (performance.now() - t0) / 1000;
}
