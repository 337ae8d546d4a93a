// Convolutions on WebGL as one im2col/col2im pass around one large matrix product, for software-emulated GPUs
// (softwareGpu.ts). tfjs's WebGL convolution gradients are direct loops per output value, and its forward
// pass runs one small product per image: under SwiftShader, cnn-small's second layer took 44–50 ms for the
// filter gradient and 36–49 ms for the input gradient at batch 128, against 6–8 ms for a product of the same
// size (measured in Chromium here).
// Shapes: patches[N, K], N = batch·outH·outW output positions, K = kh·kw·in window values (im2col.ts's order).
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs';
import { convWindows, type ConvAttrs, type Windows } from '../im2col';
import type { Replacement } from '../kernelSwitch';

/** The parts of tfjs's WebGL program and backend the app's shaders use (webglAdam.ts too). */
export type GlProgram = {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs?: boolean;
  packedOutput?: boolean;
};
export type WebGLBackend = {
  runWebGLProgram(program: GlProgram, inputs: TensorInfo[], dtype: 'float32'): TensorInfo;
  disposeIntermediateTensorInfo(t: TensorInfo): void;
};

/** Above this many patch values (64 MB) the stock kernels run: a texture that large may not exist. */
const MAX_PATCH_VALUES = 1 << 24;

/**
 * x[B, H, W, C] → patches[N, K], zero over the padding, in tfjs's packed layout (each texel a 2 × 2 block of
 * [N, K]) read from packed x: the product takes packed inputs, so no pack or unpack pass runs around it.
 */
function im2colProgram(c: Windows): GlProgram {
  const P = c.outHeight * c.outWidth;
  const KWC = c.filterWidth * c.inChannels;
  return {
    variableNames: ['x'],
    outputShape: [c.N, c.K],
    packedInputs: true,
    packedOutput: true,
    userCode: `
float patchValue(int n, int k) {
  if (n >= ${c.N} || k >= ${c.K}) return 0.0;
  int b = n / ${P}; int p = n - b * ${P};
  int oy = p / ${c.outWidth}; int ox = p - oy * ${c.outWidth};
  int kh = k / ${KWC}; int r = k - kh * ${KWC};
  int kw = r / ${c.inChannels}; int ch = r - kw * ${c.inChannels};
  int iy = oy * ${c.strideHeight} - ${c.padInfo.top} + kh;
  int ix = ox * ${c.strideWidth} - ${c.padInfo.left} + kw;
  if (iy < 0 || iy >= ${c.inHeight} || ix < 0 || ix >= ${c.inWidth}) return 0.0;
  return getChannel(getX(b, iy, ix, ch), vec2(ix, ch));
}
void main() {
  ivec2 rc = getOutputCoords();
  setOutput(vec4(patchValue(rc.x, rc.y), patchValue(rc.x, rc.y + 1), patchValue(rc.x + 1, rc.y), patchValue(rc.x + 1, rc.y + 1)));
}`,
  };
}

/** cols[N, K] (packed) → dx[B, H, W, C]: each input value sums the window entries that read it (≤ kh·kw). */
function col2imProgram(c: Windows): GlProgram {
  return {
    variableNames: ['cols'],
    outputShape: [c.batchSize, c.inHeight, c.inWidth, c.inChannels],
    packedInputs: true,
    userCode: `
void main() {
  ivec4 o = getOutputCoords();
  float s = 0.0;
  for (int kh = 0; kh < ${c.filterHeight}; kh++) {
    int ty = o.y + ${c.padInfo.top} - kh;
    if (ty < 0) break;
    int oy = ty / ${c.strideHeight};
    if (oy * ${c.strideHeight} != ty || oy >= ${c.outHeight}) continue;
    for (int kw = 0; kw < ${c.filterWidth}; kw++) {
      int tx = o.z + ${c.padInfo.left} - kw;
      if (tx < 0) break;
      int ox = tx / ${c.strideWidth};
      if (ox * ${c.strideWidth} != tx || ox >= ${c.outWidth}) continue;
      int n = (o.x * ${c.outHeight} + oy) * ${c.outWidth} + ox;
      int k = (kh * ${c.filterWidth} + kw) * ${c.inChannels} + o.w;
      s += getChannel(getCols(n, k), vec2(n, k));
    }
  }
  setOutput(s);
}`,
  };
}

const kernel = (name: string) => tf.getKernel(name, 'webgl')!.kernelFunc;
const call = (name: string, inputs: Record<string, TensorInfo | null>, backend: WebGLBackend, attrs: object) =>
  kernel(name)({ inputs: inputs as Record<string, TensorInfo>, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
const reshape = (backend: WebGLBackend, x: TensorInfo, shape: number[]) => call('Reshape', { x }, backend, { shape });

/** Runs f on [1, ...shape] views of a and b (BatchMatMul is rank 3) and frees the views and `owned`. */
function product(
  backend: WebGLBackend,
  a: TensorInfo,
  b: TensorInfo,
  f: (a3: TensorInfo, b3: TensorInfo) => TensorInfo,
  owned: TensorInfo[],
): TensorInfo {
  const a3 = reshape(backend, a, [1, ...a.shape]);
  const b3 = reshape(backend, b, [1, ...b.shape]);
  try {
    return f(a3, b3);
  } finally {
    for (const t of [a3, b3, ...owned]) backend.disposeIntermediateTensorInfo(t);
  }
}

/** Reshapes `t` to `shape` and frees `t`. */
function reshaped(backend: WebGLBackend, t: TensorInfo, shape: number[]): TensorInfo {
  const r = reshape(backend, t, shape);
  backend.disposeIntermediateTensorInfo(t);
  return r;
}

/**
 * Training runs the forward pass and the filter gradient on the same x, so the forward pass's patches are kept
 * for it (one im2col fewer per layer and step). Only while gradients are recorded (inference keeps nothing);
 * at most KEPT at once, the oldest freed. tfjs never reuses a dataId, so a match is the same data.
 */
const KEPT = 4;
type Kept = { x: object; key: string; patches: TensorInfo; backend: WebGLBackend };
const kept: Kept[] = [];
const convKey = (c: Windows) =>
  JSON.stringify([c.inShape, c.filterHeight, c.filterWidth, c.outChannels, c.strideHeight, c.strideWidth, c.padInfo]);
const recording = () => (tf.engine().state as { gradientDepth: number }).gradientDepth > 0;

function keep(entry: Kept) {
  kept.push(entry);
  if (kept.length > KEPT) {
    const old = kept.shift()!;
    try {
      old.backend.disposeIntermediateTensorInfo(old.patches);
    } catch {
      // Its backend is gone (context lost, failover): so is the texture.
    }
  }
}

/** The kept patches of x for this convolution (now the caller's to free), or new ones. */
function patchesOf(backend: WebGLBackend, x: TensorInfo, c: Windows): TensorInfo {
  const key = convKey(c);
  const i = kept.findIndex((k) => k.x === x.dataId && k.key === key && k.backend === backend);
  if (i >= 0) return kept.splice(i, 1)[0].patches;
  return backend.runWebGLProgram(im2colProgram(c), [x], 'float32');
}

/** The call's windows, or null where tfjs's kernel should run (NCHW, dilation, too many patches). */
function windows(args: Parameters<Replacement>[0]): Windows | null {
  const c = convWindows(args);
  return c && c.N * c.K <= MAX_PATCH_VALUES ? c : null;
}

function forward(args: Parameters<Replacement>[0], stock: Parameters<Replacement>[1], fused: boolean): TensorInfo {
  const a = args.attrs as unknown as ConvAttrs & { activation?: string; leakyreluAlpha?: number };
  const { x, filter, bias, preluActivationWeights } = args.inputs as Record<string, TensorInfo | undefined>;
  const c = windows(args);
  if (!c || preluActivationWeights) return stock(args) as TensorInfo;
  const backend = args.backend as unknown as WebGLBackend;
  const patches = backend.runWebGLProgram(im2colProgram(c), [x!], 'float32');
  const forGradient = recording();
  if (forGradient) keep({ x: x!.dataId, key: convKey(c), patches, backend });
  const w = reshape(backend, filter!, [c.K, c.outChannels]);
  // out[N, out] = patches[N, K] · W[K, out] (+ bias, activation: the fused product applies them).
  const out = product(
    backend,
    patches,
    w,
    (p3, w3) =>
      fused
        ? call('_FusedMatMul', { a: p3, b: w3, bias: bias ?? null }, backend, {
            transposeA: false,
            transposeB: false,
            activation: a.activation ?? 'linear',
            leakyreluAlpha: a.leakyreluAlpha,
          })
        : call('BatchMatMul', { a: p3, b: w3 }, backend, { transposeA: false, transposeB: false }),
    forGradient ? [w] : [patches, w],
  );
  return reshaped(backend, out, c.outShape);
}

export const webglConvKernels: Record<string, Replacement> = {
  Conv2D: (args, stock) => forward(args, stock, false),
  FusedConv2D: (args, stock) => forward(args, stock, true),
  Conv2DBackpropFilter(args, stock) {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const c = windows(args);
    if (!c) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as WebGLBackend;
    const patches = patchesOf(backend, x, c);
    const d = reshape(backend, dy, [c.N, c.outChannels]);
    // dW[K, out] = patchesᵀ[K, N] · dy[N, out]
    const dw = product(
      backend,
      patches,
      d,
      (p3, d3) => call('BatchMatMul', { a: p3, b: d3 }, backend, { transposeA: true, transposeB: false }),
      [patches, d],
    );
    return reshaped(backend, dw, c.filterShape);
  },
  Conv2DBackpropInput(args, stock) {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const c = windows(args);
    if (!c) return stock(args) as TensorInfo;
    const backend = args.backend as unknown as WebGLBackend;
    const d = reshape(backend, dy, [c.N, c.outChannels]);
    const w = reshape(backend, filter, [c.K, c.outChannels]);
    // cols[N, K] = dy[N, out] · W[K, out]ᵀ, then each window entry goes back to the input value it read.
    const cols3 = product(
      backend,
      d,
      w,
      (d3, w3) => call('BatchMatMul', { a: d3, b: w3 }, backend, { transposeA: false, transposeB: true }),
      [d, w],
    );
    const cols = reshaped(backend, cols3, [c.N, c.K]);
    try {
      return backend.runWebGLProgram(col2imProgram(c), [cols], 'float32');
    } finally {
      backend.disposeIntermediateTensorInfo(cols);
    }
  },
};
