// The window arithmetic shared by the app's convolution kernels (fastCpuConv.ts, wasmConvGrad.ts, webglConv.ts,
// webgpuConv.ts): patches[N, K] holds, for each of the N = batch·outH·outW output positions, its
// K = kh·kw·in window values (NHWC, zero over the padding).
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';

export type ConvAttrs = {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: [number, number] | number;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
};
export type ConvInfo = tf.backend_util.Conv2DInfo;
/** tfjs's convolution geometry plus the patch matrix's size. */
export type Windows = ConvInfo & { N: number; K: number };

/** True when the windows below apply: channels last and no dilation (everything this app builds). */
const plainConv = (a: ConvAttrs) =>
  a.dataFormat === 'NHWC' && (a.dilations === undefined || tf.backend_util.tupleValuesAreOne(a.dilations));

export function convInfo(xShape: number[], filterShape: number[], a: ConvAttrs): Windows {
  const c = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
    false,
    'channelsLast',
  );
  return { ...c, N: c.batchSize * c.outHeight * c.outWidth, K: c.filterHeight * c.filterWidth * c.inChannels };
}

/**
 * The windows of a Conv2D / FusedConv2D (inputs x, filter), Conv2DBackpropFilter (x, attrs.filterShape) or
 * Conv2DBackpropInput (attrs.inputShape, filter) call; null where the call is not plain (NCHW, dilation) and
 * tfjs's own kernel should run.
 */
export function convWindows({ inputs, attrs }: Parameters<KernelFunc>[0]): Windows | null {
  const a = attrs as unknown as ConvAttrs & { filterShape?: number[]; inputShape?: number[] };
  if (!plainConv(a)) return null;
  const { x, filter } = inputs as Record<string, TensorInfo | undefined>;
  return convInfo(a.inputShape ?? x!.shape, a.filterShape ?? filter!.shape, a);
}

/** Visits every (output position, window element) pair once, in patches order; gathers or scatter-adds. */
function windows(c: ConvInfo, cols: Float32Array<ArrayBufferLike>, x: Float32Array<ArrayBufferLike>, scatter: boolean) {
  const {
    batchSize: B,
    inHeight: H,
    inWidth: W,
    inChannels: C,
    outHeight: OH,
    outWidth: OW,
    strideHeight: sh,
    strideWidth: sw,
    filterHeight: KH,
    filterWidth: KW,
  } = c;
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

/** x[B, H, W, C] → patches[N, K], into `out` (e.g. a view of the wasm heap) or a new array. */
export function im2col(
  x: Float32Array<ArrayBufferLike>,
  c: Windows,
  out: Float32Array<ArrayBufferLike> = new Float32Array(c.N * c.K),
): Float32Array<ArrayBufferLike> {
  out.fill(0);
  windows(c, out, x, false);
  return out;
}

/** cols[N, K] → dx[B, H, W, C]: every window value added back to its input position. */
export function col2im(
  cols: Float32Array<ArrayBufferLike>,
  c: ConvInfo,
  out: Float32Array<ArrayBufferLike> = new Float32Array(c.batchSize * c.inHeight * c.inWidth * c.inChannels),
): Float32Array<ArrayBufferLike> {
  out.fill(0);
  windows(c, cols, out, true);
  return out;
}
