// Convolutions on the plain-JS cpu backend as im2col / col2im around fastCpuMatMul's blocked product: tfjs's
// cpu convolutions are direct loops with per-element index arithmetic, like its matrix product was. Forward
// out[N, out] = patches[N, K] · W[K, out]; filter gradient dW[K, out] = patchesᵀ · dy; input gradient
// dx = col2im(dy · Wᵀ), with N = batch·outH·outW positions and K = kh·kw·in window values.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { product, transposed } from './fastCpuMatMul';

type CpuBackend = {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.backend_util.BackendValues): TensorInfo;
};
type Attrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};
type Info = tf.backend_util.Conv2DInfo;

const plain = (a: Attrs) => a.dataFormat === 'NHWC' && (a.dilations === undefined || tf.backend_util.tupleValuesAreOne(a.dilations));
const infoOf = (xShape: number[], filterShape: number[], a: Attrs) =>
  tf.backend_util.computeConv2DInfo(xShape as [number, number, number, number], filterShape as [number, number, number, number], a.strides, 1, a.pad, a.dimRoundingMode, false, 'channelsLast');

/** patches[N, K]: each output position's window, zero where it hangs over the padding. */
function im2col(x: Float32Array, c: Info): Float32Array {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw, filterHeight: KH, filterWidth: KW } = c;
  const K = KH * KW * C;
  const out = new Float32Array(B * OH * OW * K);
  let o = 0;
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let kh = 0; kh < KH; kh++) {
          const iy = oy * sh - c.padInfo.top + kh;
          for (let kw = 0; kw < KW; kw++) {
            const ix = ox * sw - c.padInfo.left + kw;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) o += C;
            else for (let ch = 0, i = ((b * H + iy) * W + ix) * C; ch < C; ch++) out[o++] = x[i + ch];
          }
        }
  return out;
}

/** Adds each window value of cols[N, K] back into its input position: dx[B, H, W, C]. */
function col2im(cols: Float32Array, c: Info): Float32Array {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw, filterHeight: KH, filterWidth: KW } = c;
  const dx = new Float32Array(B * H * W * C);
  let k = 0;
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let kh = 0; kh < KH; kh++) {
          const iy = oy * sh - c.padInfo.top + kh;
          for (let kw = 0; kw < KW; kw++) {
            const ix = ox * sw - c.padInfo.left + kw;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) k += C;
            else for (let ch = 0, i = ((b * H + iy) * W + ix) * C; ch < C; ch++) dx[i + ch] += cols[k++];
          }
        }
  return dx;
}

const f32 = (backend: CpuBackend, t: TensorInfo) => backend.readSync(t.dataId) as Float32Array;

const kernels: Record<string, (args: Parameters<KernelFunc>[0], stock: KernelFunc) => TensorInfo> = {
  Conv2D(args, stock) {
    const a = args.attrs as unknown as Attrs;
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    if (!plain(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = infoOf(x.shape, filter.shape, a);
    const N = c.batchSize * c.outHeight * c.outWidth, K = c.filterHeight * c.filterWidth * c.inChannels;
    const out = new Float32Array(N * c.outChannels);
    product(im2col(f32(backend, x), c), 0, f32(backend, filter), 0, N, K, c.outChannels, false, out, 0);
    return backend.makeTensorInfo([c.batchSize, c.outHeight, c.outWidth, c.outChannels], 'float32', out);
  },
  Conv2DBackpropFilter(args, stock) {
    const a = args.attrs as unknown as Attrs & { filterShape: number[] };
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    if (!plain(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = infoOf(x.shape, a.filterShape, a);
    const N = c.batchSize * c.outHeight * c.outWidth, K = c.filterHeight * c.filterWidth * c.inChannels;
    const dw = new Float32Array(K * c.outChannels);
    product(im2col(f32(backend, x), c), 0, f32(backend, dy), 0, K, N, c.outChannels, true, dw, 0);
    return backend.makeTensorInfo([...a.filterShape], 'float32', dw);
  },
  Conv2DBackpropInput(args, stock) {
    const a = args.attrs as unknown as Attrs & { inputShape: number[] };
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    if (!plain(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = infoOf(a.inputShape, filter.shape, a);
    const N = c.batchSize * c.outHeight * c.outWidth, K = c.filterHeight * c.filterWidth * c.inChannels;
    const cols = new Float32Array(N * K);
    product(f32(backend, dy), 0, transposed(f32(backend, filter), 0, K, c.outChannels), 0, N, c.outChannels, K, false, cols, 0);
    return backend.makeTensorInfo([...a.inputShape], 'float32', col2im(cols, c));
  },
};

const originals = new Map<string, KernelConfig>();

/** The im2col convolutions on (default) or tfjs's own (for the benchmark's stock `model.fit` baseline). */
export function setFastCpuConv(on: boolean) {
  for (const name of Object.keys(kernels)) {
    const current = tf.getKernel(name, 'cpu');
    if (!current) continue;
    if (!originals.has(name)) originals.set(name, current);
    const original = originals.get(name)!;
    tf.unregisterKernel(name, 'cpu');
    tf.registerKernel(on ? { ...original, kernelFunc: (args) => kernels[name](args, original.kernelFunc) } : original);
  }
}
