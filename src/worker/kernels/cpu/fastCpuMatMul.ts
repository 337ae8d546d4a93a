// The cpu backend's matrix product is a blocked loop that recomputes indices for every multiply-add; this
// one keeps four rows of the result in flight so each row of B is read once per four (measured in Node on
// this machine, x[128,784]·W[784,128]: 35 ms tfjs, 16 ms here; xᵀ·dy 43 → 16 ms). The cpu backend trains
// only where neither wasm nor a GPU works, but then every step is dominated by these products.
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { kernelSwitch } from '../kernelSwitch';

/** The parts of tfjs's cpu backend the app's cpu kernels use (tfjs does not export its type). */
export type CpuBackend = {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.backend_util.BackendValues): TensorInfo;
  disposeIntermediateTensorInfo(t: TensorInfo): void;
};

/** out[m×n] = op(A)·B for row-major B[k×n]; A is [m×k], or [k×m] when `ta`. */
export function product(
  a: Float32Array,
  ao: number,
  b: Float32Array,
  bo: number,
  m: number,
  k: number,
  n: number,
  ta: boolean,
  out: Float32Array,
  oo: number,
) {
  const at = (i: number, p: number) => (ta ? a[ao + p * m + i] : a[ao + i * k + p]);
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const c0 = oo + i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    for (let p = 0; p < k; p++) {
      const a0 = at(i, p),
        a1 = at(i + 1, p),
        a2 = at(i + 2, p),
        a3 = at(i + 3, p);
      const bp = bo + p * n;
      for (let j = 0; j < n; j++) {
        const bv = b[bp + j];
        out[c0 + j] += a0 * bv;
        out[c1 + j] += a1 * bv;
        out[c2 + j] += a2 * bv;
        out[c3 + j] += a3 * bv;
      }
    }
  }
  for (; i < m; i++) {
    const ci = oo + i * n;
    for (let p = 0; p < k; p++) {
      const ap = at(i, p),
        bp = bo + p * n;
      for (let j = 0; j < n; j++) out[ci + j] += ap * b[bp + j];
    }
  }
}

/** [rows×cols] → [cols×rows] */
export function transposed(x: Float32Array, off: number, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = x[off + r * cols + c];
  return t;
}

function batchMatMul(args: Parameters<KernelFunc>[0], stock: KernelFunc): TensorInfo {
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
  const ra = a.shape.length,
    rb = b.shape.length;
  const batchA = a.shape.slice(0, -2).reduce((s, d) => s * d, 1),
    batchB = b.shape.slice(0, -2).reduce((s, d) => s * d, 1);
  if (
    a.dtype !== 'float32' ||
    b.dtype !== 'float32' ||
    (batchA !== batchB && batchA !== 1 && batchB !== 1) ||
    (ra > 2 && rb > 2 && ra !== rb)
  )
    return stock(args) as TensorInfo;
  const backend = args.backend as unknown as CpuBackend;
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  const av = backend.readSync(a.dataId) as Float32Array,
    bv = backend.readSync(b.dataId) as Float32Array;
  const batch = Math.max(batchA, batchB);
  const out = new Float32Array(batch * m * n);
  for (let t = 0; t < batch; t++) {
    const ao = batchA === 1 ? 0 : t * m * k;
    const bo = batchB === 1 ? 0 : t * k * n;
    const bRows = transposeB ? transposed(bv, bo, n, k) : bv;
    product(av, ao, bRows, transposeB ? 0 : bo, m, k, n, transposeA, out, t * m * n);
  }
  const outer = tf.broadcast_util.assertAndGetBroadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  return backend.makeTensorInfo([...outer, m, n], 'float32', out);
}

function fusedMatMul(args: Parameters<KernelFunc>[0], stock: KernelFunc): TensorInfo {
  const { a, b, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
  const { activation } = args.attrs as { activation?: string };
  if ((activation && activation !== 'linear') || preluActivationWeights) return stock(args) as TensorInfo;
  // The registered BatchMatMul: this file's product while switched on (and tfjs's own behind it).
  const prod = tf.getKernel('BatchMatMul', 'cpu')!.kernelFunc({ ...args, inputs: { a: a!, b: b! } }) as TensorInfo;
  if (!bias) return prod;
  const add = tf.getKernel('Add', 'cpu')!.kernelFunc;
  const sum = add({ inputs: { a: prod, b: bias }, backend: args.backend, attrs: {} as NamedAttrMap }) as TensorInfo;
  (args.backend as unknown as CpuBackend).disposeIntermediateTensorInfo(prod);
  return sum;
}

/** The faster products on (default) or tfjs's own (for the benchmark's stock `model.fit` baseline). */
export const setFastCpuMatMul = kernelSwitch('cpu', { BatchMatMul: batchMatMul, _FusedMatMul: fusedMatMul });
