// Convolutions on the plain-JS cpu backend as im2col / col2im around fastCpuMatMul's blocked product: tfjs's
// cpu convolutions are direct loops with per-element index arithmetic, like its matrix product was. Forward
// out[N, out] = patches[N, K] · W[K, out]; filter gradient dW[K, out] = patchesᵀ · dy; input gradient
// dx = col2im(dy · Wᵀ), with N = batch·outH·outW positions and K = kh·kw·in window values.
import type * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { product, transposed } from './fastCpuMatMul';
import { col2im, convInfo, im2col, plainConv, type ConvAttrs } from './im2col';
import { kernelSwitch, type Replacement } from './kernelSwitch';

type CpuBackend = {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: tf.backend_util.BackendValues): TensorInfo;
};
const f32 = (backend: CpuBackend, t: TensorInfo) => backend.readSync(t.dataId) as Float32Array;

const kernels: Record<string, Replacement> = {
  Conv2D(args, stock) {
    const a = args.attrs as unknown as ConvAttrs;
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    if (!plainConv(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = convInfo(x.shape, filter.shape, a);
    const { N, K } = c;
    const out = new Float32Array(N * c.outChannels);
    product(im2col(f32(backend, x), c), 0, f32(backend, filter), 0, N, K, c.outChannels, false, out, 0);
    return backend.makeTensorInfo([c.batchSize, c.outHeight, c.outWidth, c.outChannels], 'float32', out);
  },
  Conv2DBackpropFilter(args, stock) {
    const a = args.attrs as unknown as ConvAttrs & { filterShape: number[] };
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    if (!plainConv(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = convInfo(x.shape, a.filterShape, a);
    const { N, K } = c;
    const dw = new Float32Array(K * c.outChannels);
    product(im2col(f32(backend, x), c), 0, f32(backend, dy), 0, K, N, c.outChannels, true, dw, 0);
    return backend.makeTensorInfo([...a.filterShape], 'float32', dw);
  },
  Conv2DBackpropInput(args, stock) {
    const a = args.attrs as unknown as ConvAttrs & { inputShape: number[] };
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    if (!plainConv(a)) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const c = convInfo(a.inputShape, filter.shape, a);
    const { N, K } = c;
    const cols = new Float32Array(N * K);
    product(f32(backend, dy), 0, transposed(f32(backend, filter), 0, K, c.outChannels), 0, N, c.outChannels, K, false, cols, 0);
    return backend.makeTensorInfo([...a.inputShape], 'float32', col2im(cols, c));
  },
};

/** The im2col convolutions on (default) or tfjs's own (for the benchmark's stock `model.fit` baseline). */
export const setFastCpuConv = kernelSwitch('cpu', kernels);
