// A self-check of the software-GPU kernels (softwareGpu.ts) against tfjs's own, run in the browser by the e2e
// suite (Node has neither WebGL nor WebGPU). Convolutions: forward, fused bias + ReLU, and both gradients, on
// shapes with odd sizes, asymmetric padding, uneven strides and several channels. Products: every transpose,
// fused bias + ReLU, batched and broadcast, with sizes that are not multiples of the 4 × 4 tiles. Adam: the
// weights after 20 steps (fusedAdam.ts, webglAdam.ts). Also counts
// the backend's buffers before and after, so an intermediate (or a kept im2col patch) that is never freed shows.
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../protocol/toWorker';
import { FusedAdam } from '../kernels/cpu/fusedAdam';
import type { KernelSwitch } from '../kernels/kernelSwitch';
import { setWebglSoftware, setWebgpuSoftware } from '../kernels/softwareGpu';

export type KernelCheckRow = { backend: BackendName; shape: string; output: string; maxDiff: number; maxAbs: number };
/** GPU buffers or textures still held after all checks on a backend ran and their results were read. */
export type KernelCheckLeftover = { backend: BackendName; dataIds: number };

type Case = {
  x: [number, number, number, number];
  w: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
};
const CASES: Case[] = [
  { x: [3, 9, 9, 2], w: [3, 3, 2, 4], strides: [2, 2], pad: 'same' },
  { x: [2, 28, 28, 1], w: [5, 5, 1, 6], strides: [1, 1], pad: 'same' },
  { x: [2, 14, 14, 6], w: [5, 5, 6, 16], strides: [1, 1], pad: 'valid' },
  { x: [2, 12, 11, 3], w: [3, 2, 3, 5], strides: [2, 1], pad: 'valid' },
];

/** Deterministic values in [-1, 1) (a small LCG), so both runs see the same numbers on any backend. */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
const tensor = (shape: number[], seed: number) => tf.tensor(values(size(shape), seed), shape);

async function read(outs: Record<string, tf.Tensor>): Promise<Record<string, Float32Array>> {
  const out: Record<string, Float32Array> = {};
  for (const [k, t] of Object.entries(outs)) {
    out[k] = (await t.data()) as Float32Array;
    t.dispose();
  }
  return out;
}

/** conv, fused conv (bias, ReLU), and d/dx, d/dw of a weighted sum of the conv: all through the registry. */
function convOutputs(c: Case): Record<string, tf.Tensor> {
  return tf.tidy(() => {
    const x = tensor(c.x, 1) as tf.Tensor4D;
    const w = tensor(c.w, 2) as tf.Tensor4D;
    const bias = tensor([c.w[3]], 3) as tf.Tensor1D;
    const y = tf.conv2d(x, w, c.strides, c.pad);
    const r = tf.tensor(values(y.size, 4), y.shape);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), r)),
    )([x, w]);
    const fused = tf.fused.conv2d({ x, filter: w, strides: c.strides, pad: c.pad, bias, activation: 'relu' });
    return { conv: y, fused, dx, dw };
  });
}

/** Products of a [5, 7] and b [7, 6] (and their transposes, batches of 3): edges cut through the tiles. */
function productOutputs(): Record<string, tf.Tensor> {
  return tf.tidy(() => {
    const a = tensor([5, 7], 5);
    const b = tensor([7, 6], 6);
    return {
      plain: tf.matMul(a, b),
      transposeA: tf.matMul(tensor([7, 5], 7), b, true, false),
      transposeB: tf.matMul(a, tensor([6, 7], 8), false, true),
      both: tf.matMul(tensor([7, 5], 7), tensor([6, 7], 8), true, true),
      fused: tf.fused.matMul({ a, b, bias: tensor([6], 9), activation: 'relu' }),
      batched: tf.matMul(tensor([3, 5, 7], 10), tensor([3, 7, 6], 11)),
      broadcast: tf.matMul(tensor([1, 5, 7], 12), tensor([3, 7, 6], 11)),
    };
  });
}

/** A dense layer after 20 Adam steps (FusedAdam: on software WebGL its three-pass kernel, else tfjs's Adam). */
function adamOutputs(): Record<string, tf.Tensor> {
  const w = tf.variable(tensor([7, 5], 13));
  const b = tf.variable(tf.zeros([5]));
  const x = tensor([16, 7], 14);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 16 }, (_, i) => i % 5),
      'int32',
    ),
    5,
  );
  const opt = new FusedAdam(0.01, 0.9, 0.999, 1e-7);
  for (let i = 0; i < 20; i++)
    tf.tidy(() => void opt.minimize(() => tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(x, w), b)) as tf.Scalar));
  const out = { weights: w.clone(), bias: b.clone() };
  opt.dispose();
  tf.dispose([w, b, x, y]);
  return out;
}

const CHECKS: { shape: string; run: () => Record<string, tf.Tensor> }[] = [
  ...CASES.map((c) => ({ shape: `conv x ${c.x} w ${c.w} s ${c.strides} ${c.pad}`, run: () => convOutputs(c) })),
  { shape: 'matMul 5×7 · 7×6', run: productOutputs },
];
/** Run after the buffer count: tfjs's own Adam leaves a few tensors behind when disposed. */
const ADAM = { shape: 'Adam, 20 steps', run: adamOutputs };

/** Every check on every GPU backend this browser has, ours against stock; the backend in use is restored. */
export async function checkGpuKernels(): Promise<{ rows: KernelCheckRow[]; leftovers: KernelCheckLeftover[] }> {
  const inUse = tf.getBackend();
  const rows: KernelCheckRow[] = [];
  const leftovers: KernelCheckLeftover[] = [];
  const switches: [BackendName, KernelSwitch][] = [
    ['webgl', setWebglSoftware],
    ['webgpu', setWebgpuSoftware],
  ];
  for (const [backend, set] of switches) {
    if (!(await tf.setBackend(backend).catch(() => false))) continue;
    const wasOn = set.on;
    const dataIds = () => tf.engine().backend.numDataIds();
    const before = dataIds();
    try {
      const compare = async (c: (typeof CHECKS)[number]) => {
        set(false);
        const stock = await read(c.run());
        set(true);
        const ours = await read(c.run());
        for (const [output, ref] of Object.entries(stock)) {
          let maxDiff = 0;
          let maxAbs = 0;
          for (let i = 0; i < ref.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(ref[i] - ours[output][i]));
            maxAbs = Math.max(maxAbs, Math.abs(ref[i]));
          }
          rows.push({ backend, shape: c.shape, output, maxDiff, maxAbs });
        }
      };
      for (const c of CHECKS) await compare(c);
      leftovers.push({ backend, dataIds: dataIds() - before });
      await compare(ADAM);
    } finally {
      set(wasOn);
    }
  }
  await tf.setBackend(inUse);
  return { rows, leftovers };
}
