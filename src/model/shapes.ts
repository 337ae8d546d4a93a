// Shape inference and parameter counts, in pure TypeScript. This is the single source of the shapes and
// counts the UI shows; shapes.test.ts and the worker's build check it against what tfjs actually builds.
import { msg, type Msg } from './msg';
import { INPUT_SHAPE, NUM_CLASSES, assertNever, type LayerSpec, type NetworkSpec } from './spec';

/** Per-example shape without the batch dimension: [features] or [height, width, channels]. */
export type Shape = readonly number[];

export type LayerInfo = {
  /** Output shape of this layer, or null when it cannot be computed (see problem). */
  outputShape: Shape | null;
  /** Trainable parameters (BatchNorm's moving statistics are not trainable and not counted). */
  params: number;
  /** Multiply-adds per example, a rough measure of work. */
  macs: number;
  problem: Msg | null;
  /** The problem is a 3-D tensor fed to Dense: inserting a Flatten before this layer fixes it. */
  needsFlatten?: true;
};

export type NetworkInfo = {
  layers: LayerInfo[];
  totalParams: number;
  totalMacs: number;
  /** Floats of every layer's output for one image (what training keeps for backpropagation). */
  totalActivations: number;
  /**
   * The largest patch matrix a convolution builds, per image: outH·outW·(k·k·inChannels) floats. The app's
   * convolution kernels (worker/kernels/im2col.ts) gather windows into it for the forward pass and both
   * gradients; null without convolutions. `layer` is 0-based.
   */
  maxPatch: { floats: number; layer: number } | null;
  /** The first problem in layer order, or a whole-network problem; null when the network can train. */
  problem: Msg | null;
  problemLayer: number | null;
};

const product = (s: Shape) => s.reduce((a, b) => a * b, 1);
export const formatShape = (s: Shape | null) => (s ? `${s.join('×')}` : '—');

/** Output size of a sliding window along one axis, matching tfjs/Keras conv and pooling arithmetic. */
export function windowOut(size: number, window: number, stride: number, padding: 'valid' | 'same'): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

export function inferLayer(spec: LayerSpec, input: Shape): LayerInfo {
  const ok = (outputShape: Shape, params = 0, macs = 0): LayerInfo => ({ outputShape, params, macs, problem: null });
  const bad = (problem: Msg): LayerInfo => ({ outputShape: null, params: 0, macs: 0, problem });
  switch (spec.kind) {
    case 'dense': {
      if (!Number.isInteger(spec.units) || spec.units < 1 || spec.units > 4096)
        return bad(msg('problem.badNumber', { kind: msg('kind.dense'), field: msg('field.units'), min: 1, max: 4096 }));
      if (input.length !== 1)
        return { ...bad(msg('problem.denseNeedsFlat', { shape: formatShape(input) })), needsFlatten: true };
      const n = input[0];
      return ok([spec.units], n * spec.units + spec.units, n * spec.units);
    }
    case 'conv2d': {
      if (input.length !== 3) return bad(msg('problem.convNeedsImage', { shape: formatShape(input) }));
      if (!Number.isInteger(spec.filters) || spec.filters < 1 || spec.filters > 512)
        return bad(
          msg('problem.badNumber', { kind: msg('kind.conv2d'), field: msg('field.filters'), min: 1, max: 512 }),
        );
      if (!Number.isInteger(spec.kernelSize) || spec.kernelSize < 1)
        return bad(msg('problem.badPositive', { kind: msg('kind.conv2d'), field: msg('field.kernel') }));
      if (!Number.isInteger(spec.stride) || spec.stride < 1)
        return bad(msg('problem.badPositive', { kind: msg('kind.conv2d'), field: msg('field.stride') }));
      const [h, w, c] = input;
      if (spec.padding === 'valid' && (spec.kernelSize > h || spec.kernelSize > w))
        return bad(msg('problem.kernelTooLarge', { k: spec.kernelSize, h, w }));
      const oh = windowOut(h, spec.kernelSize, spec.stride, spec.padding);
      const ow = windowOut(w, spec.kernelSize, spec.stride, spec.padding);
      const k = spec.kernelSize * spec.kernelSize * c;
      return ok([oh, ow, spec.filters], k * spec.filters + spec.filters, oh * ow * spec.filters * k);
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      if (input.length !== 3) return bad(msg('problem.poolNeedsImage', { shape: formatShape(input) }));
      if (!Number.isInteger(spec.poolSize) || spec.poolSize < 1 || !Number.isInteger(spec.stride) || spec.stride < 1)
        return bad(msg('problem.poolPositive'));
      const [h, w, c] = input;
      if (spec.poolSize > h || spec.poolSize > w) return bad(msg('problem.poolTooLarge', { p: spec.poolSize, h, w }));
      return ok([
        windowOut(h, spec.poolSize, spec.stride, 'valid'),
        windowOut(w, spec.poolSize, spec.stride, 'valid'),
        c,
      ]);
    }
    case 'flatten':
      return ok([product(input)]);
    case 'dropout':
      if (!(spec.rate >= 0 && spec.rate < 1)) return bad(msg('problem.badRate'));
      return ok(input);
    case 'batchNorm': {
      const ch = input[input.length - 1];
      return ok(input, 2 * ch, product(input));
    }
    case 'activation':
      return ok(input);
    default:
      return assertNever(spec, 'layer kind');
  }
}

/**
 * What one browser tab can train. Parameters: above 5 M the weights, gradients and Adam's two moments pass
 * 80 MB and saving a session gets slow. Multiply-adds: 30 M per image is ~70× LeNet-5 and ~3× a strong
 * 32-64-filter MNIST CNN; an epoch of 60,000 images then costs ~5 PFLOP with the backward pass, minutes per
 * epoch even on a GPU. Activations: 500 k floats (2 MB) per image. Training memory per batch: the outputs,
 * their gradients and one more buffer per layer (3 floats per activation), capped at 1 GiB so a WebGL/WebGPU
 * context or a wasm heap (4 GiB at most) is not exhausted. Layers: 40, as in links.
 */
export const LIMITS = {
  layers: 40,
  params: 5_000_000,
  macsPerImage: 30_000_000,
  activationsPerImage: 500_000,
  trainingBytesPerBatch: 1024 ** 3,
} as const;

/**
 * Estimated bytes training holds per batch: input and every layer's output, ×3 for gradients and scratch, plus
 * two patch matrices of the largest convolution (the filter gradient holds the patches and the output
 * gradient's product at once; the input gradient holds a patch-sized matrix before col2im).
 */
export const trainingBytes = (info: Pick<NetworkInfo, 'totalActivations' | 'maxPatch'>, batchSize: number) =>
  batchSize * ((INPUT_SHAPE[0] * INPUT_SHAPE[1] + info.totalActivations) * 3 + 2 * (info.maxPatch?.floats ?? 0)) * 4;

/** Bytes one image holds in a forward pass without gradients: input, every output, one patch matrix. */
const forwardBytes = (info: Pick<NetworkInfo, 'totalActivations' | 'maxPatch'>) =>
  (INPUT_SHAPE[0] * INPUT_SHAPE[1] + info.totalActivations + (info.maxPatch?.floats ?? 0)) * 4;

/** Images per evaluation chunk: at most `max`, and never past the per-batch memory cap (wide convolutions). */
export const evalChunkSize = (info: Pick<NetworkInfo, 'totalActivations' | 'maxPatch'>, max = 1000) =>
  Math.max(1, Math.min(max, Math.floor(LIMITS.trainingBytesPerBatch / forwardBytes(info))));

const millions = (n: number) => (n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 });

/** The largest batch this network can train with, or a message that says what to shrink. */
export function batchProblem(info: NetworkInfo, batchSize: number): Msg | null {
  if (info.problem) return null;
  const bytes = trainingBytes(info, batchSize);
  if (bytes <= LIMITS.trainingBytesPerBatch) return null;
  const maxBatch = Math.floor(LIMITS.trainingBytesPerBatch / trainingBytes(info, 1));
  const patch = info.maxPatch;
  // When the patches are most of it, say which convolution: a smaller batch is not the only way out.
  if (patch && 2 * patch.floats >= 3 * (INPUT_SHAPE[0] * INPUT_SHAPE[1] + info.totalActivations))
    return msg('problem.batchPatches', {
      n: patch.layer + 1,
      batch: batchSize,
      mb: Math.round((batchSize * 2 * patch.floats * 4) / 2 ** 20),
      limit: LIMITS.trainingBytesPerBatch / 2 ** 20,
      max: maxBatch,
    });
  return msg('problem.batchMemory', {
    batch: batchSize,
    mb: Math.round(bytes / 2 ** 20),
    limit: LIMITS.trainingBytesPerBatch / 2 ** 20,
    max: maxBatch,
  });
}

/** The layer that does the most of `pick`, 1-based, for "shrink layer N" messages. */
function biggest(layers: LayerInfo[], pick: (l: LayerInfo) => number): number {
  let best = 0;
  layers.forEach((l, i) => {
    if (pick(l) > pick(layers[best])) best = i;
  });
  return best;
}

export function inferNetwork(net: NetworkSpec): NetworkInfo {
  const layers: LayerInfo[] = [];
  let shape: Shape | null = INPUT_SHAPE;
  let problem: Msg | null = null;
  let problemLayer: number | null = null;
  net.layers.forEach((spec, i) => {
    const info: LayerInfo = shape ? inferLayer(spec, shape) : { outputShape: null, params: 0, macs: 0, problem: null };
    if (info.problem && problem === null) {
      problem = msg('problem.layer', { n: i + 1, problem: info.problem });
      problemLayer = i;
    }
    layers.push(info);
    shape = info.outputShape;
  });
  const totalParams = layers.reduce((s, l) => s + l.params, 0);
  const totalMacs = layers.reduce((s, l) => s + l.macs, 0);
  const size = (l: LayerInfo) => (l.outputShape ? product(l.outputShape) : 0);
  const totalActivations = layers.reduce((s, l) => s + size(l), 0);
  let maxPatch: NetworkInfo['maxPatch'] = null;
  net.layers.forEach((spec, i) => {
    const input = i === 0 ? INPUT_SHAPE : layers[i - 1].outputShape;
    const out = layers[i].outputShape;
    if (spec.kind !== 'conv2d' || !input || !out || input.length !== 3) return;
    const floats = out[0] * out[1] * spec.kernelSize * spec.kernelSize * input[2];
    if (!maxPatch || floats > maxPatch.floats) maxPatch = { floats, layer: i };
  });
  if (net.layers.length > LIMITS.layers) {
    problem = msg('problem.tooManyLayers', { n: net.layers.length, limit: LIMITS.layers });
    problemLayer = LIMITS.layers;
  } else if (problem === null && totalMacs > LIMITS.macsPerImage) {
    problemLayer = biggest(layers, (l) => l.macs);
    problem = msg('problem.tooMuchCompute', {
      macs: millions(totalMacs),
      limit: millions(LIMITS.macsPerImage),
      n: problemLayer + 1,
    });
  } else if (problem === null && totalActivations > LIMITS.activationsPerImage) {
    problemLayer = biggest(layers, size);
    problem = msg('problem.tooMuchMemory', {
      floats: millions(totalActivations),
      limit: millions(LIMITS.activationsPerImage),
      n: problemLayer + 1,
    });
  }
  if (problem === null) {
    const last = net.layers[net.layers.length - 1];
    const out = layers[layers.length - 1]?.outputShape;
    if (!last) problem = msg('problem.noLayers');
    else if (
      !out ||
      out.length !== 1 ||
      out[0] !== NUM_CLASSES ||
      last.kind !== 'dense' ||
      last.activation !== 'softmax'
    )
      problem = msg('problem.lastLayer', { classes: NUM_CLASSES });
    else if (totalParams > LIMITS.params)
      problem = msg('problem.tooManyParams', {
        params: totalParams.toLocaleString('en'),
        limit: LIMITS.params.toLocaleString('en'),
      });
    if (problem !== null) problemLayer = last ? net.layers.length - 1 : null;
  }
  return { layers, totalParams, totalMacs, totalActivations, maxPatch, problem, problemLayer };
}

/**
 * Shapes of the weight arrays tfjs keeps for this network, in model.getWeights() order: every layer's trainable
 * arrays in layer order (kernel [in, units] or [k, k, cin, cout] and bias for Dense/Conv2D, gamma and beta for
 * BatchNorm), then the non-trainable ones (each BatchNorm's moving mean and variance), as tfjs lists trainable
 * weights before the others. Null when the network is invalid.
 */
export function weightShapes(net: NetworkSpec): number[][] | null {
  const info = inferNetwork(net);
  if (info.problem) return null;
  const out: number[][] = [];
  const stats: number[][] = [];
  let input: Shape = INPUT_SHAPE;
  net.layers.forEach((l, i) => {
    const ch = input[input.length - 1];
    if (l.kind === 'dense') out.push([input[0], l.units], [l.units]);
    else if (l.kind === 'conv2d') out.push([l.kernelSize, l.kernelSize, ch, l.filters], [l.filters]);
    else if (l.kind === 'batchNorm') {
      out.push([ch], [ch]);
      stats.push([ch], [ch]);
    }
    input = info.layers[i].outputShape!;
  });
  return [...out, ...stats];
}

/** Lengths of the weightShapes() arrays. */
export const weightSizes = (net: NetworkSpec): number[] | null => weightShapes(net)?.map(product) ?? null;

/** Indices into weightShapes() of BatchNorm's moving variances, which must not be negative (√(var + ε)). */
export function varianceIndices(net: NetworkSpec): Set<number> {
  const trainable = net.layers.reduce(
    (n, l) => n + (l.kind === 'dense' || l.kind === 'conv2d' || l.kind === 'batchNorm' ? 2 : 0),
    0,
  );
  const norms = net.layers.filter((l) => l.kind === 'batchNorm').length;
  // The statistics come after every trainable array, as [mean, variance] per BatchNorm.
  return new Set(Array.from({ length: norms }, (_, i) => trainable + 2 * i + 1));
}
