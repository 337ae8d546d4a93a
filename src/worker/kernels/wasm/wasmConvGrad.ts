// Convolution gradients on wasm as matrix products on XNNPACK.
// - tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so no convolutional network could train on wasm
//   and CNNs fell back to plain-JS cpu (or a software GPU) on machines without a GPU. Here the filter gradient
//   is dW[K, out] = patchesᵀ[K, N] · dy[N, out], the patches (im2col.ts) built in JS straight in the wasm heap.
// - Its Conv2DBackpropInput is a naive loop: 12.8 ms for cnn-small's second layer at batch 128 against 0.9 ms
//   for the forward convolution (Node, wasm SIMD, 1 thread). Here dx = col2im(dy[N, out] · Wᵀ[out, K]).
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { col2im, convWindows, im2col } from '../im2col';
import { kernelSwitch, type Replacement } from '../kernelSwitch';

type WasmBackend = {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): tf.backend_util.TypedArray;
  disposeData(dataId: object): boolean;
};

/** [rows, cols] → [cols, rows] on the wasm backend's own Transpose kernel. */
function transpose2d(t: TensorInfo, backend: object): TensorInfo {
  return tf
    .getKernel('Transpose', 'wasm')!
    .kernelFunc({ inputs: { x: t }, backend, attrs: { perm: [1, 0] } as unknown as NamedAttrMap }) as TensorInfo;
}

const product = (a: TensorInfo, b: TensorInfo, backend: object, transposeB = false) =>
  tf.getKernel('BatchMatMul', 'wasm')!.kernelFunc({
    inputs: { a, b },
    backend,
    attrs: { transposeA: false, transposeB } as unknown as NamedAttrMap,
  }) as TensorInfo;

const backpropFilter: KernelFunc = (args) => {
  const { inputs, backend } = args;
  const wasm = backend as unknown as WasmBackend;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const c = convWindows(args);
  if (!c) throw new Error('Conv2DBackpropFilter on wasm: only NHWC without dilation');
  // patches[N, K] built in the heap, turned to [K, N] so the product runs on XNNPACK untransposed.
  const patches = wasm.makeOutput([c.N, c.K], 'float32');
  im2col(wasm.typedArrayFromHeap(x) as Float32Array, c, wasm.typedArrayFromHeap(patches) as Float32Array);
  const patchesT = transpose2d(patches, backend);
  wasm.disposeData(patches.dataId);
  try {
    const dw = product(patchesT, { dataId: dy.dataId, shape: [c.N, c.outChannels], dtype: 'float32' }, backend);
    return { ...dw, shape: [...c.filterShape] };
  } finally {
    wasm.disposeData(patchesT.dataId);
  }
};

const backpropInput: Replacement = (args, stock) => {
  const { inputs, backend } = args;
  const wasm = backend as unknown as WasmBackend;
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const c = convWindows(args);
  if (!c) return stock(args) as TensorInfo;
  // cols[N, K] = dy[N, out] · filter[K, out]ᵀ: what each output position sends back to each window element.
  const cols = product(
    { dataId: dy.dataId, shape: [c.N, c.outChannels], dtype: 'float32' },
    { dataId: filter.dataId, shape: [c.K, c.outChannels], dtype: 'float32' },
    backend,
    true,
  );
  try {
    const dx = wasm.makeOutput([...c.inShape], 'float32');
    col2im(wasm.typedArrayFromHeap(cols) as Float32Array, c, wasm.typedArrayFromHeap(dx) as Float32Array);
    return dx;
  } finally {
    wasm.disposeData(cols.dataId);
  }
};

/** The matrix-product input gradient on (default) or tfjs's own (for the benchmark's stock baseline). */
export const setFastWasmConvInput = kernelSwitch('wasm', { Conv2DBackpropInput: backpropInput });

/** Lets wasm train convolutions (call once, after the wasm backend is imported). */
export function registerWasmConvGrad() {
  if (!tf.getKernel('Conv2DBackpropFilter', 'wasm'))
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: backpropFilter });
  setFastWasmConvInput(true);
}
