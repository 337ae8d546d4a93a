// Convolution gradients on wasm as matrix products on XNNPACK.
// - tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so no convolutional network could train on wasm
//   and CNNs fell back to plain-JS cpu (or a software GPU) on machines without a GPU. Here the filter gradient
//   is dW[K, out] = patchesᵀ[K, N] · dy[N, out]: the patches (im2col, built in JS straight in the wasm heap)
//   are K = kh·kw·in values for each of the N = batch·outH·outW output positions.
// - Its Conv2DBackpropInput is a naive loop: 12.8 ms for cnn-small's second layer at batch 128 against 0.9 ms
//   for the forward convolution (Node, wasm SIMD, 1 thread). Here dx = col2im(dy[N, out] · Wᵀ[out, K]).
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { kernelSwitch, type Replacement } from './kernelSwitch';

type WasmBackend = {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): tf.backend_util.TypedArray;
  disposeData(dataId: object): boolean;
};

type Attrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
};

const backpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Attrs;
  if (dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter on wasm: only NHWC');
  const info = tf.backend_util.computeConv2DInfo(x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw, filterHeight: KH, filterWidth: KW } = info;
  const { top, left } = info.padInfo;
  const K = KH * KW * C, N = B * OH * OW;
  const xs = wasm.typedArrayFromHeap(x) as Float32Array;
  // patchesᵀ: row k = (kh, kw, c), column n = (b, oy, ox); zero where the window hangs over the padding.
  const patches = wasm.makeOutput([K, N], 'float32');
  const p = wasm.typedArrayFromHeap(patches) as Float32Array;
  for (let kh = 0; kh < KH; kh++)
    for (let kw = 0; kw < KW; kw++)
      for (let c = 0; c < C; c++) {
        const row = ((kh * KW + kw) * C + c) * N;
        let n = 0;
        for (let b = 0; b < B; b++)
          for (let oy = 0; oy < OH; oy++) {
            const iy = oy * sh - top + kh;
            const inside = iy >= 0 && iy < H;
            const base = (b * H + iy) * W;
            for (let ox = 0; ox < OW; ox++, n++) {
              const ix = ox * sw - left + kw;
              p[row + n] = inside && ix >= 0 && ix < W ? xs[(base + ix) * C + c] : 0;
            }
          }
      }
  const matMul = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc;
  const dy2d: TensorInfo = { dataId: dy.dataId, shape: [N, filterShape[3]], dtype: 'float32' };
  try {
    const dw = matMul({ inputs: { a: patches, b: dy2d }, backend, attrs: { transposeA: false, transposeB: false } as unknown as NamedAttrMap }) as TensorInfo;
    return { ...dw, shape: [...filterShape] };
  } finally {
    wasm.disposeData(patches.dataId);
  }
};

const backpropInput: Replacement = ({ inputs, backend, attrs }, stock) => {
  const wasm = backend as unknown as WasmBackend;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Omit<Attrs, 'filterShape'> & { inputShape: [number, number, number, number] };
  if (dataFormat !== 'NHWC') return stock({ inputs, backend, attrs }) as TensorInfo;
  const fs = filter.shape as [number, number, number, number];
  const info = tf.backend_util.computeConv2DInfo(inputShape, fs, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
  const { batchSize: B, inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, strideHeight: sh, strideWidth: sw, filterHeight: KH, filterWidth: KW } = info;
  const { top, left } = info.padInfo;
  const K = KH * KW * C, N = B * OH * OW;
  const matMul = tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc;
  // cols[N, K] = dy[N, out] · filter[K, out]ᵀ: what each output position sends back to each window element.
  const cols = matMul({
    inputs: { a: { dataId: dy.dataId, shape: [N, fs[3]], dtype: 'float32' }, b: { dataId: filter.dataId, shape: [K, fs[3]], dtype: 'float32' } },
    backend,
    attrs: { transposeA: false, transposeB: true } as unknown as NamedAttrMap,
  }) as TensorInfo;
  try {
    const cv = wasm.typedArrayFromHeap(cols) as Float32Array;
    const dx = wasm.makeOutput([B, H, W, C], 'float32');
    const d = wasm.typedArrayFromHeap(dx) as Float32Array;
    d.fill(0);
    let n = 0;
    for (let b = 0; b < B; b++)
      for (let oy = 0; oy < OH; oy++)
        for (let ox = 0; ox < OW; ox++, n++) {
          let k = n * K;
          for (let kh = 0; kh < KH; kh++) {
            const iy = oy * sh - top + kh;
            for (let kw = 0; kw < KW; kw++) {
              const ix = ox * sw - left + kw;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) {
                k += C;
                continue;
              }
              const o = ((b * H + iy) * W + ix) * C;
              for (let c = 0; c < C; c++) d[o + c] += cv[k++];
            }
          }
        }
    return dx;
  } finally {
    wasm.disposeData(cols.dataId);
  }
};

/** The matrix-product input gradient on (default) or tfjs's own (for the benchmark's stock baseline). */
export const setFastWasmConvInput = kernelSwitch('wasm', { Conv2DBackpropInput: backpropInput });

/** Lets wasm train convolutions (call once, after the wasm backend is imported). */
export function registerWasmConvGrad() {
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm')) tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: backpropFilter });
  setFastWasmConvInput(true);
}
