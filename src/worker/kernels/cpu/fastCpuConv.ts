// Convolutions on the plain-JS cpu backend as im2col / col2im around fastCpuMatMul's blocked product: tfjs's
// cpu convolutions are direct loops with per-element index arithmetic, like its matrix product was. Forward
// out[N, out] = patches[N, K] · W[K, out]; filter gradient dW[K, out] = patchesᵀ · dy; input gradient
// dx = col2im(dy · Wᵀ), with N = batch·outH·outW positions and K = kh·kw·in window values.
import type { TensorInfo } from '@tensorflow/tfjs';
import { product, transposed, type CpuBackend } from './fastCpuMatMul';
import { col2im, convWindows, im2col, type Windows } from '../im2col';
import { kernelSwitch, type Replacement } from '../kernelSwitch';

/**
 * A cpu convolution kernel from `run`, given the windows and the inputs' values (x, filter or dy); tfjs's own
 * for NCHW or dilation.
 */
function convKernel(run: (c: Windows, input: (name: string) => Float32Array) => [number[], Float32Array]): Replacement {
  return (args, stock) => {
    const c = convWindows(args);
    if (!c) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as CpuBackend;
    const input = (name: string) =>
      backend.readSync((args.inputs as Record<string, TensorInfo>)[name].dataId) as Float32Array;
    const [shape, values] = run(c, input);
    return backend.makeTensorInfo(shape, 'float32', values);
  };
}

const kernels: Record<string, Replacement> = {
  Conv2D: convKernel((c, input) => {
    const out = new Float32Array(c.N * c.outChannels);
    product(im2col(input('x'), c), 0, input('filter'), 0, c.N, c.K, c.outChannels, false, out, 0);
    return [c.outShape, out];
  }),
  Conv2DBackpropFilter: convKernel((c, input) => {
    const dw = new Float32Array(c.K * c.outChannels);
    product(im2col(input('x'), c), 0, input('dy'), 0, c.K, c.N, c.outChannels, true, dw, 0);
    return [c.filterShape, dw];
  }),
  Conv2DBackpropInput: convKernel((c, input) => {
    const cols = new Float32Array(c.N * c.K);
    product(
      input('dy'),
      0,
      transposed(input('filter'), 0, c.K, c.outChannels),
      0,
      c.N,
      c.outChannels,
      c.K,
      false,
      cols,
      0,
    );
    return [c.inShape, col2im(cols, c)];
  }),
};

/** The im2col convolutions on (default) or tfjs's own (for the benchmark's stock `model.fit` baseline). */
export const setFastCpuConv = kernelSwitch('cpu', kernels);
