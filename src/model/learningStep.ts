// One learning step on one image, as plain data: what the worker computes (worker/learning/learningStep.ts) and
// the learning-step view shows stage by stage. Arrays are per image (no batch axis), row-major in their shape,
// and plain number arrays so the page's store can keep them (they are small: one image).
import type { LayerSpec, NetworkSpec } from './spec';

export type StepStage = 'forward' | 'backward' | 'update' | 'check';
export const STEP_STAGES: readonly StepStage[] = ['forward', 'backward', 'update', 'check'];

/** Where the image comes from: the pad (with the label the student says it is) or the official test set. */
export type StepSource =
  | { kind: 'drawing'; pixels: Float32Array; label: number }
  /** A test image by index; 'random' any, 'misread' one the copied weights classify wrongly. */
  | { kind: 'test'; index: number | 'random' | 'misread' };

export type StepLayer = {
  /** Index in the network spec. */
  index: number;
  spec: LayerSpec;
  inShape: number[];
  outShape: number[];
  /**
   * Pre-activation z: Wx + b for Dense/Conv2D, the input of an Activation layer; null for other kinds. For the
   * last layer these are the logits.
   */
  z: number[] | null;
  /** Output h = f(z). For the last layer the probabilities p = softmax(z). */
  h: number[];
  /** ∂L/∂h. For the last layer −1/p_y at the true label, 0 elsewhere. */
  dh: number[];
  /** f′(z) elementwise (ReLU's 0/1, sigmoid's σ(1−σ)); null without z, and for softmax (not elementwise). */
  mask: number[] | null;
  /** ∂L/∂z; for the last layer p − onehot(y). */
  dz: number[] | null;
  /** ∂L/∂W (kernel, or BatchNorm's γ) in the layout of `kernelShape`, and ∂L/∂b (or β); null without weights. */
  gradW: number[] | null;
  gradB: number[] | null;
  kernelShape: number[] | null;
  /** ‖∂L/∂W, ∂L/∂b‖ (Frobenius, all of the layer's parameters), ‖W, b‖, and ‖ΔW, Δb‖ of the update. */
  gradNorm: number;
  weightNorm: number;
  deltaNorm: number;
};

export type LearningStep = {
  /** 784 pixels in [0, 1]. */
  image: number[];
  label: number;
  /** Index in the 10,000 test images; null for a drawing. */
  testIndex: number | null;
  /** η of the plain gradient-descent step W ← W − η·∂L/∂W. */
  learningRate: number;
  /** The training batch whose weights the view copied. */
  copiedAtBatch: number;
  layers: StepLayer[];
  /** p before and after the update, and L = −log p_y before and after. */
  probs: number[];
  loss: number;
  probsAfter: number[];
  lossAfter: number;
};

/** A weight the finite-difference check nudges: `array` in model.getWeights() order, flat `index` in it. */
export type WeightRef = { layer: number; array: number; index: number };

export type CheckRow = WeightRef & {
  /** ∂L/∂w from backpropagation (tfjs, float32). */
  backprop: number;
  /** (L(w + ε) − L(w − ε)) / 2ε in float64 (model/forward64.ts). */
  numeric: number;
  epsilon: number;
  relError: number;
  /**
   * The loss has a kink at w (a ReLU input exactly 0, e.g. a fresh zero bias over a blank patch): the slopes from
   * the left and the right differ, so there is no single derivative to agree with.
   */
  kink: boolean;
};

/** Frobenius norm of several arrays together. */
export function norm(...arrays: (ArrayLike<number> | null)[]): number {
  let s = 0;
  for (const a of arrays) if (a) for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

/** The positions (largest first) of the `n` entries with the largest |value|. */
export function topIndices(values: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]))
    .slice(0, n);
}

/** Gradient norm of unit j of a Dense kernel [in, units]: how strongly its incoming weights are pushed. */
export function unitGradNorms(gradW: ArrayLike<number>, units: number): number[] {
  const out = new Array<number>(units).fill(0);
  for (let i = 0; i < gradW.length; i++) out[i % units] += gradW[i] * gradW[i];
  return out.map((v) => Math.sqrt(v));
}

/** Column j of a kernel [in, units]: unit j's incoming weights (for 784 inputs, a 28×28 picture). */
export function column(kernel: ArrayLike<number>, units: number, j: number): number[] {
  const out = new Array<number>(kernel.length / units);
  for (let i = 0; i < out.length; i++) out[i] = kernel[i * units + j];
  return out;
}

/**
 * Where each layer's arrays sit in model.getWeights() order — trainable ones layer by layer, then BatchNorm's
 * moving statistics (model/shapes.ts weightSizes) — as `own[layer]` ([kernel, bias] or [γ, β, mean, variance]).
 */
export function weightLayout(net: NetworkSpec): { own: number[][]; trainable: boolean[] } {
  const counts = net.layers.map((l): number =>
    l.kind === 'dense' || l.kind === 'conv2d' || l.kind === 'batchNorm' ? 2 : 0,
  );
  const nTrainable = counts.reduce((a, b) => a + b, 0);
  let w = 0;
  let stat = nTrainable;
  const own = net.layers.map((l, i) => {
    const mine = Array.from({ length: counts[i] }, (_, k) => w + k);
    w += counts[i];
    if (l.kind === 'batchNorm') mine.push(stat++, stat++);
    return mine;
  });
  return { own, trainable: Array.from({ length: stat }, (_, k) => k < nTrainable) };
}
