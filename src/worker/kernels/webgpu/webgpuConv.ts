// Convolutions on WebGPU as plain per-value loops, for software-emulated GPUs (softwareGpu.ts). tfjs's WebGPU
// convolutions tile through workgroup memory with barriers, which SwiftShader emulates slowly: cnn-small's first
// layer (one input channel) took 1.2 s forward at batch 128, its whole training step 1.7 s; with these loops the
// layer takes ~80 ms and the step ~450 ms (measured in Chromium here). The sizes are baked into each shader
// (one pipeline per layer shape) so the index arithmetic folds to constants; the batch size is not, so
// evaluation batches reuse the training pipelines.
import type { TensorInfo } from '@tensorflow/tfjs';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { convWindows, type ConvAttrs, type ConvInfo } from '../im2col';
import type { Replacement } from '../kernelSwitch';
import { ACTIVATIONS, flatProgram, type WebGPUBackend } from './webgpuProgram';

const sizes = (c: ConvInfo) =>
  [
    c.inHeight,
    c.inWidth,
    c.inChannels,
    c.outHeight,
    c.outWidth,
    c.outChannels,
    c.filterHeight,
    c.filterWidth,
    c.strideHeight,
    c.strideWidth,
    c.padInfo.top,
    c.padInfo.left,
  ].join('_');

/** out[b, oy, ox, co] = act(Σ x[b, iy, ix, ci] · w[kh, kw, ci, co] + bias[co]). */
function forwardProgram(c: ConvInfo, bias: boolean, activation: string, alpha: number): WebGPUProgram {
  const { inHeight: H, inWidth: W, inChannels: C, outHeight: OH, outWidth: OW, outChannels: CO, filterWidth: KW } = c;
  return flatProgram(
    c.outShape,
    `pgconv_${sizes(c)}_${bias}_${activation}_${alpha}`,
    bias ? ['x', 'w', 'bias'] : ['x', 'w'],
    `
    let co = index % ${CO}; var r = index / ${CO};
    let ox = r % ${OW}; r = r / ${OW}; let oy = r % ${OH}; let b = r / ${OH};
    var acc = 0.0;
    for (var kh = 0; kh < ${c.filterHeight}; kh++) {
      let iy = oy * ${c.strideHeight} - ${c.padInfo.top} + kh;
      if (iy < 0 || iy >= ${H}) { continue; }
      for (var kw = 0; kw < ${KW}; kw++) {
        let ix = ox * ${c.strideWidth} - ${c.padInfo.left} + kw;
        if (ix < 0 || ix >= ${W}) { continue; }
        let xb = ((b * ${H} + iy) * ${W} + ix) * ${C};
        let wb = (kh * ${KW} + kw) * ${C * CO} + co;
        for (var ci = 0; ci < ${C}; ci++) { acc += x[xb + ci] * w[wb + ci * ${CO}]; }
      }
    }
    ${bias ? 'acc += bias[co];' : ''}
    ${ACTIVATIONS[activation](alpha)}
    setOutputAtIndex(index, acc);`,
  );
}

/** dx[b, iy, ix, ci] = Σ over the (kh, kw) whose window reads it, Σ_co dy[b, oy, ox, co] · w[kh, kw, ci, co]. */
function inputGradProgram(c: ConvInfo): WebGPUProgram {
  const {
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: OH,
    outWidth: OW,
    outChannels: CO,
    filterWidth: KW,
    strideHeight: SH,
    strideWidth: SW,
  } = c;
  return flatProgram(
    [c.batchSize, H, W, C],
    `pgconvdx_${sizes(c)}`,
    ['dy', 'w'],
    `
    let ci = index % ${C}; var r = index / ${C};
    let ix = r % ${W}; r = r / ${W}; let iy = r % ${H}; let b = r / ${H};
    var acc = 0.0;
    for (var kh = 0; kh < ${c.filterHeight}; kh++) {
      let ty = iy + ${c.padInfo.top} - kh;
      if (ty < 0) { break; }
      let oy = ty / ${SH};
      if (oy * ${SH} != ty || oy >= ${OH}) { continue; }
      for (var kw = 0; kw < ${KW}; kw++) {
        let tx = ix + ${c.padInfo.left} - kw;
        if (tx < 0) { break; }
        let ox = tx / ${SW};
        if (ox * ${SW} != tx || ox >= ${OW}) { continue; }
        let db = ((b * ${OH} + oy) * ${OW} + ox) * ${CO};
        let wb = ((kh * ${KW} + kw) * ${C} + ci) * ${CO};
        for (var co = 0; co < ${CO}; co++) { acc += dy[db + co] * w[wb + co]; }
      }
    }
    setOutputAtIndex(index, acc);`,
  );
}

/**
 * parts[g, kh·kw·ci·co] = the filter gradient over images g·per … (g+1)·per − 1. A filter has few values
 * (1,152 for cnn-small's second layer): one loop over the whole batch each would leave most of the
 * emulated GPU idle, so the batch is split into `groups` and summed by sumProgram.
 */
function filterGradPartsProgram(c: ConvInfo, groups: number): WebGPUProgram {
  const {
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: OH,
    outWidth: OW,
    outChannels: CO,
    filterWidth: KW,
    batchSize: B,
  } = c;
  const per = Math.ceil(B / groups);
  return flatProgram(
    [groups, c.filterHeight * KW * C * CO],
    `pgconvdw_${sizes(c)}_${B}_${groups}`,
    ['x', 'dy'],
    `
    let co = index % ${CO}; var r = index / ${CO};
    let ci = r % ${C}; r = r / ${C}; let kw = r % ${KW}; r = r / ${KW}; let kh = r % ${c.filterHeight}; let g = r / ${c.filterHeight};
    var acc = 0.0;
    for (var b = g * ${per}; b < min(${B}, (g + 1) * ${per}); b++) {
      for (var oy = 0; oy < ${OH}; oy++) {
        let iy = oy * ${c.strideHeight} - ${c.padInfo.top} + kh;
        if (iy < 0 || iy >= ${H}) { continue; }
        for (var ox = 0; ox < ${OW}; ox++) {
          let ix = ox * ${c.strideWidth} - ${c.padInfo.left} + kw;
          if (ix < 0 || ix >= ${W}) { continue; }
          acc += x[((b * ${H} + iy) * ${W} + ix) * ${C} + ci] * dy[((b * ${OH} + oy) * ${OW} + ox) * ${CO} + co];
        }
      }
    }
    setOutputAtIndex(index, acc);`,
  );
}

/** out[i] = Σ_g parts[g, i], for parts[groups, size of outputShape]. */
function sumProgram(groups: number, outputShape: number[]): WebGPUProgram {
  const n = outputShape.reduce((a, b) => a * b, 1);
  return flatProgram(
    outputShape,
    `pgsum_${groups}_${n}`,
    ['parts'],
    `
    var acc = 0.0;
    for (var g = 0; g < ${groups}; g++) { acc += parts[g * ${n} + index]; }
    setOutputAtIndex(index, acc);`,
  );
}

function forward(args: Parameters<Replacement>[0], stock: Parameters<Replacement>[1]): TensorInfo {
  const a = args.attrs as unknown as ConvAttrs & { activation?: string; leakyreluAlpha?: number };
  const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
  const activation = a.activation ?? 'linear';
  const c = convWindows(args);
  const perChannelBias = !bias || (bias.shape.length === 1 && bias.shape[0] === filter!.shape[3]);
  if (!c || preluActivationWeights || !(activation in ACTIVATIONS) || !perChannelBias) return stock(args) as TensorInfo;
  const backend = args.backend as unknown as WebGPUBackend;
  return backend.runWebGPUProgram(
    forwardProgram(c, !!bias, activation, a.leakyreluAlpha ?? 0.2),
    bias ? [x!, filter!, bias] : [x!, filter!],
    'float32',
  );
}

export const webgpuConvKernels: Record<string, Replacement> = {
  Conv2D: forward,
  FusedConv2D: forward,
  Conv2DBackpropFilter(args, stock) {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const c = convWindows(args);
    if (!c) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as WebGPUBackend;
    const groups = Math.min(c.batchSize, 32);
    const parts = backend.runWebGPUProgram(filterGradPartsProgram(c, groups), [x, dy], 'float32');
    try {
      return backend.runWebGPUProgram(sumProgram(groups, c.filterShape), [parts], 'float32');
    } finally {
      backend.disposeData(parts.dataId);
    }
  },
  Conv2DBackpropInput(args, stock) {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const c = convWindows(args);
    if (!c) return stock(args) as TensorInfo;
    return (args.backend as unknown as WebGPUBackend).runWebGPUProgram(inputGradProgram(c), [dy, filter], 'float32');
  },
};
