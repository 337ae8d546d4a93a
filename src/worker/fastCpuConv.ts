// Convolutions on the plain-JS cpu backend as im2col / col2im around fastCpuMatMul's blocked product: tfjs's
// cpu convolutions are direct loops with per-element index arithmetic, like its matrix product was. Forward
// out[N, out] = patches[N, K] · W[K, out]; filter gradient dW[K, out] = patchesᵀ · dy; input gradient
// dx = col2im(dy · Wᵀ), with N = batch·outH·outW positions and K = kh·kw·in window values.
import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { product, transposed } from './fastCpuMatMul';
import { kernelSwitch, type Replacement } from './kernelSwitch';

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

/**
 * Walks every (output position, window element) pair once, in patches[N, K] order: gathers x into cols
 * (im2col) or, with `scatter`, adds cols back into x (col2im). Window elements over the padding are skipped
 * (left 0 in cols).
 */
function windows(c: Info, cols: Float32Array, x: Float32Array, scatter: boolean) {
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw, filterHeight: KH, filterWidth: KW } = c;
  let k = 0;
  for (let b = 0; b < B; b++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let kh = 0; kh < KH; kh++) {
          const iy = oy * sh - c.padInfo.top + kh;
          for (let kw = 0; kw < KW; kw++) {
            const ix = ox * sw - c.padInfo.left + kw;
            if (iy < 0 || iy >= H || ix < 0 || ix >= W) k += C;
            else if (scatter) for (let ch = 0, i = ((b * H + iy) * W + ix) * C; ch < C; ch++) x[i + ch] += cols[k++];
            else for (let ch = 0, i = ((b * H + iy) * W + ix) * C; ch < C; ch++) cols[k++] = x[i + ch];
          }
        }
}

function im2col(x: Float32Array, c: Info): Float32Array {
  const cols = new Float32Array(c.batchSize * c.outHeight * c.outWidth * c.filterHeight * c.filterWidth * c.inChannels);
  windows(c, cols, x, false);
  return cols;
}

function col2im(cols: Float32Array, c: Info): Float32Array {
  const dx = new Float32Array(c.batchSize * c.inHeight * c.inWidth * c.inChannels);
  windows(c, cols, dx, true);
  return dx;
}

const f32 = (backend: CpuBackend, t: TensorInfo) => backend.readSync(t.dataId) as Float32Array;

const kernels: Record<string, Replacement> = {
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

/** The im2col convolutions on (default) or tfjs's own (for the benchmark's stock `model.fit` baseline). */
export const setFastCpuConv = kernelSwitch('cpu', kernels);
