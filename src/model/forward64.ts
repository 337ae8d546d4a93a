// The network's forward pass for one image in plain float64 TypeScript, independent of tfjs. The learning-step
// view's finite-difference check nudges one weight by ±ε and needs the loss to many more digits than float32
// gives (a float32 loss of ~2 is only good to ~2e-7, which swamps (L(w+ε) − L(w−ε)) for small ε).
// Semantics follow tfjs at inference time: kernels [in, units] and [k, k, cin, cout] row-major, 'same' padding
// with the extra pixel at the end, valid pooling, BatchNorm on its moving statistics (ε 1e-3), dropout off.
import { weightLayout } from './learningStep';
import { inferNetwork } from './shapes';
import { assertNever, INPUT_SHAPE, LEAKY_RELU_SLOPE, type Activation, type LayerSpec, type NetworkSpec } from './spec';

/** tfjs's BatchNormalization default epsilon. */
export const BN_EPSILON = 1e-3;

type Tensor = { data: Float64Array; shape: number[] };

function activateOne(a: Exclude<Activation, 'softmax'>, v: number): number {
  switch (a) {
    case 'relu':
      return Math.max(0, v);
    case 'leakyRelu':
      return v > 0 ? v : LEAKY_RELU_SLOPE * v;
    case 'elu':
      return v > 0 ? v : Math.expm1(v);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
    case 'tanh':
      return Math.tanh(v);
    case 'linear':
      return v;
    default:
      return assertNever(a, 'activation');
  }
}

/** f(z) elementwise (softmax over all of z). */
export function activate(a: Activation, z: Float64Array): Float64Array {
  const out = new Float64Array(z.length);
  if (a === 'softmax') {
    const m = Math.max(...z);
    let s = 0;
    for (let i = 0; i < z.length; i++) s += out[i] = Math.exp(z[i] - m);
    for (let i = 0; i < z.length; i++) out[i] /= s;
    return out;
  }
  for (let i = 0; i < z.length; i++) out[i] = activateOne(a, z[i]);
  return out;
}

/** Softmax over the channel axis of [h, w, c] (or the only axis of [n]), as a hidden layer's activation. */
function activateLastAxis(a: Activation, t: Tensor): Float64Array {
  if (a !== 'softmax' || t.shape.length === 1) return activate(a, t.data);
  const c = t.shape[t.shape.length - 1];
  const out = new Float64Array(t.data.length);
  for (let i = 0; i < t.data.length; i += c) out.set(activate('softmax', t.data.subarray(i, i + c)), i);
  return out;
}

function dense(x: Tensor, k: ArrayLike<number>, b: ArrayLike<number>, units: number): Float64Array {
  const n = x.data.length;
  const z = Float64Array.from({ length: units }, (_, j) => b[j]);
  for (let i = 0; i < n; i++) {
    const xi = x.data[i];
    if (xi === 0) continue;
    for (let j = 0; j < units; j++) z[j] += xi * k[i * units + j];
  }
  return z;
}

function conv(
  x: Tensor,
  s: Extract<LayerSpec, { kind: 'conv2d' }>,
  k: ArrayLike<number>,
  b: ArrayLike<number>,
  out: number[],
) {
  const [h, w, cin] = x.shape;
  const [oh, ow, cout] = out;
  const K = s.kernelSize;
  const padTop = s.padding === 'same' ? Math.floor(Math.max((oh - 1) * s.stride + K - h, 0) / 2) : 0;
  const padLeft = s.padding === 'same' ? Math.floor(Math.max((ow - 1) * s.stride + K - w, 0) / 2) : 0;
  const z = new Float64Array(oh * ow * cout);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let f = 0; f < cout; f++) {
        let sum = b[f];
        for (let ky = 0; ky < K; ky++) {
          const iy = oy * s.stride + ky - padTop;
          if (iy < 0 || iy >= h) continue;
          for (let kx = 0; kx < K; kx++) {
            const ix = ox * s.stride + kx - padLeft;
            if (ix < 0 || ix >= w) continue;
            for (let c = 0; c < cin; c++)
              sum += x.data[(iy * w + ix) * cin + c] * k[((ky * K + kx) * cin + c) * cout + f];
          }
        }
        z[(oy * ow + ox) * cout + f] = sum;
      }
  return z;
}

function pool(x: Tensor, s: Extract<LayerSpec, { kind: 'maxPool2d' | 'avgPool2d' }>, out: number[]) {
  const [, w, c] = x.shape;
  const [oh, ow] = out;
  const z = new Float64Array(oh * ow * c);
  for (let oy = 0; oy < oh; oy++)
    for (let ox = 0; ox < ow; ox++)
      for (let ch = 0; ch < c; ch++) {
        let acc = s.kind === 'maxPool2d' ? -Infinity : 0;
        for (let py = 0; py < s.poolSize; py++)
          for (let px = 0; px < s.poolSize; px++) {
            const v = x.data[((oy * s.stride + py) * w + ox * s.stride + px) * c + ch];
            acc = s.kind === 'maxPool2d' ? Math.max(acc, v) : acc + v;
          }
        z[(oy * ow + ox) * c + ch] = s.kind === 'maxPool2d' ? acc : acc / (s.poolSize * s.poolSize);
      }
  return z;
}

/**
 * Logits [10] of one image (784 values in [0, 1]) under `weights` in model.getWeights() order (weightLayout).
 * The network must be valid.
 */
export function logits64(
  net: NetworkSpec,
  weights: readonly ArrayLike<number>[],
  image: ArrayLike<number>,
): Float64Array {
  const info = inferNetwork(net);
  if (info.problem) throw new Error('forward64: invalid network');
  const { own } = weightLayout(net);
  let x: Tensor = { data: Float64Array.from(image), shape: [...INPUT_SHAPE] };
  net.layers.forEach((spec, i) => {
    const w = own[i];
    const out = [...info.layers[i].outputShape!];
    const last = i === net.layers.length - 1;
    let data: Float64Array;
    switch (spec.kind) {
      case 'dense': {
        const z = dense(x, weights[w[0]], weights[w[1]], spec.units);
        data = last ? z : activateLastAxis(spec.activation, { data: z, shape: out });
        break;
      }
      case 'conv2d': {
        const z = conv(x, spec, weights[w[0]], weights[w[1]], out);
        data = activateLastAxis(spec.activation, { data: z, shape: out });
        break;
      }
      case 'maxPool2d':
      case 'avgPool2d':
        data = pool(x, spec, out);
        break;
      case 'batchNorm': {
        const [gamma, beta, mean, variance] = w.map((k) => weights[k]);
        const c = out[out.length - 1];
        data = x.data.map((v, j) => {
          const ch = j % c;
          return (gamma[ch] * (v - mean[ch])) / Math.sqrt(variance[ch] + BN_EPSILON) + beta[ch];
        });
        break;
      }
      case 'activation':
        data = activateLastAxis(spec.activation, x);
        break;
      case 'flatten':
      case 'dropout':
        data = x.data;
        break;
      default:
        return assertNever(spec, 'layer kind');
    }
    x = { data, shape: out };
  });
  return x.data;
}

/** Cross-entropy −log softmax(logits)[label], computed stably. */
export function crossEntropy(logits: ArrayLike<number>, label: number): number {
  const z = Array.from(logits);
  const m = Math.max(...z);
  return Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0)) + m - z[label];
}

/** Relative error |a − b| / max(|a|, |b|), 0 when both are (numerically) zero. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale < 1e-12 ? 0 : Math.abs(a - b) / scale;
}

/**
 * The central difference (L(w + ε) − L(w − ε)) / 2ε for weight `index` of array `array`, in float64, and whether
 * the one-sided slopes disagree (a kink). ε scales with the weight: a nudge, not a jump, for large weights too.
 */
export function numericSlope(
  net: NetworkSpec,
  weights: readonly ArrayLike<number>[],
  image: ArrayLike<number>,
  label: number,
  array: number,
  index: number,
): { slope: number; epsilon: number; kink: boolean } {
  const base = weights.map((a) => Float64Array.from(a));
  const epsilon = 1e-5 * Math.max(1, Math.abs(base[array][index]));
  const at = (d: number) => {
    const nudged = base.slice();
    nudged[array] = base[array].slice();
    nudged[array][index] += d;
    return crossEntropy(logits64(net, nudged, image), label);
  };
  const [minus, mid, plus] = [at(-epsilon), at(0), at(epsilon)];
  const left = (mid - minus) / epsilon;
  const right = (plus - mid) / epsilon;
  // Smooth: the one-sided slopes differ by about ε·L″ (tiny). At a kink they differ by the jump in slope.
  const kink = Math.abs(right - left) > 1e-3 * Math.max(Math.abs(left), Math.abs(right)) + 1e-7;
  return { slope: (plus - minus) / (2 * epsilon), epsilon, kink };
}
