// Import of a TensorFlow.js Layers model (model.json + weight files) into a network spec and weight arrays in
// our model.getWeights() order. Pure: checks every layer and every byte count before anything is applied.
import { isObj, numberOf, textOf } from './guards';
import { msg, type Msg } from './msg';
import { decodeLayer, isActivation } from './decode';
import { inferNetwork, LIMITS, weightSizes } from './shapes';
import { LEAKY_RELU_SLOPE, type Activation, type LayerSpec, type NetworkSpec } from './spec';

/** Largest model.json or weight file read: 5 M float32 parameters are 20 MB, so 64 MB is generous. */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024;

export type Imported = { ok: true; network: NetworkSpec; weights: Float32Array[] } | { ok: false; error: Msg };

const pair = (x: unknown): number | null => {
  const v = Array.isArray(x) ? x : [x, x];
  return v.length === 2 && v[0] === v[1] && Number.isInteger(v[0]) ? (v[0] as number) : null;
};
const SUPPORTED =
  'Dense, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dropout, BatchNormalization, Activation, LeakyReLU (alpha 0.2)';

function activation(a: unknown): Activation | null {
  if (a === 'leaky_relu') return 'leakyRelu';
  return isActivation(a) && a !== 'leakyRelu' ? a : null; // Keras spells it leaky_relu
}

/** One Keras layer config → our spec, or a reason it is not supported. */
function mapLayer(className: string, c: Record<string, unknown>): LayerSpec | string | null {
  const act = () => activation(c.activation ?? 'linear');
  switch (className) {
    case 'InputLayer':
      return null;
    case 'Dense': {
      const a = act();
      if (!a) return `activation "${textOf(c.activation)}"`;
      if (c.use_bias === false) return 'use_bias: false';
      return { kind: 'dense', units: numberOf(c.units), activation: a };
    }
    case 'Conv2D': {
      const a = act(),
        k = pair(c.kernel_size),
        s = pair(c.strides ?? 1),
        d = pair(c.dilation_rate ?? 1);
      if (!a) return `activation "${textOf(c.activation)}"`;
      if (k === null || s === null) return 'non-square kernels or strides';
      if (d !== 1) return 'dilation';
      if (c.use_bias === false) return 'use_bias: false';
      if (c.data_format && c.data_format !== 'channels_last') return 'channels_first';
      const padding = c.padding === 'same' ? 'same' : c.padding === 'valid' ? 'valid' : null;
      if (!padding) return `padding "${textOf(c.padding)}"`;
      return { kind: 'conv2d', filters: numberOf(c.filters), kernelSize: k, stride: s, padding, activation: a };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const p = pair(c.pool_size),
        s = c.strides == null ? p : pair(c.strides);
      if (p === null || s === null) return 'non-square pooling';
      if (c.padding && c.padding !== 'valid') return 'pooling with padding "same"';
      return { kind: className === 'MaxPooling2D' ? 'maxPool2d' : 'avgPool2d', poolSize: p, stride: s };
    }
    case 'Flatten':
      return { kind: 'flatten' };
    case 'Dropout':
      return { kind: 'dropout', rate: numberOf(c.rate) };
    case 'BatchNormalization':
      return { kind: 'batchNorm' };
    case 'Activation': {
      const a = activation(c.activation);
      return a ? { kind: 'activation', activation: a } : `activation "${textOf(c.activation)}"`;
    }
    case 'LeakyReLU': {
      const alpha = numberOf(c.alpha ?? c.negative_slope ?? 0.3);
      return Math.abs(alpha - LEAKY_RELU_SLOPE) < 1e-6
        ? { kind: 'activation', activation: 'leakyRelu' }
        : `alpha ${alpha} (this app uses ${LEAKY_RELU_SLOPE})`;
    }
    default:
      return 'unknown';
  }
}

/** Weight names this app expects for spec layer `l` named `name`, in model.getWeights() order. */
function expectedNames(l: LayerSpec, name: string): string[] {
  if (l.kind === 'dense' || l.kind === 'conv2d') return [`${name}/kernel`, `${name}/bias`];
  if (l.kind === 'batchNorm') return ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((w) => `${name}/${w}`);
  return [];
}

/** files: every weight file named in the manifest, by file name. */
export function importLayersModel(modelJsonText: string, files: Map<string, ArrayBuffer>): Imported {
  const bad = (why: string, values?: Record<string, string | number>): Imported => ({
    ok: false,
    error: msg('import.unreadable', { why: msg(`import.${why}`, values) }),
  });
  if (modelJsonText.length > MAX_MODEL_FILE_BYTES)
    return bad('fileTooLarge', { file: 'model.json', mb: MAX_MODEL_FILE_BYTES / 2 ** 20 });
  for (const [file, b] of files)
    if (b.byteLength > MAX_MODEL_FILE_BYTES)
      return bad('fileTooLarge', { file: file.slice(0, 80), mb: MAX_MODEL_FILE_BYTES / 2 ** 20 });
  let j: unknown;
  try {
    j = JSON.parse(modelJsonText);
  } catch {
    return bad('notJson');
  }
  if (!isObj(j) || !isObj(j.modelTopology)) return bad('noTopology');
  if (j.format !== undefined && j.format !== 'layers-model') return bad('format', { format: textOf(j.format, 40) });
  const topo = isObj(j.modelTopology.model_config) ? j.modelTopology.model_config : j.modelTopology;
  if (topo.class_name !== 'Sequential') return bad('notSequential', { name: textOf(topo.class_name, 40) });
  const cfg = topo.config;
  const layerList = Array.isArray(cfg) ? cfg : isObj(cfg) && Array.isArray(cfg.layers) ? cfg.layers : null;
  if (!layerList || layerList.length === 0) return bad('noLayers');
  // An InputLayer and the added Flatten come on top of the network's own layers.
  if (layerList.length > LIMITS.layers + 2)
    return {
      ok: false,
      error: msg('import.network', {
        problem: msg('problem.tooManyLayers', { n: layerList.length, limit: LIMITS.layers }),
      }),
    };
  const layers: LayerSpec[] = [];
  const names: string[] = [];
  const unsupported: string[] = [];
  let inputShape: unknown = null;
  for (const raw of layerList) {
    if (!isObj(raw) || typeof raw.class_name !== 'string' || !isObj(raw.config)) return bad('layerDamaged');
    const c = raw.config;
    inputShape ??= c.batch_input_shape ?? c.batch_shape ?? null;
    const mapped = mapLayer(raw.class_name, c);
    if (typeof mapped === 'string')
      unsupported.push(`${raw.class_name} "${textOf(c.name)}"${mapped === 'unknown' ? '' : ` (${mapped})`}`);
    else if (mapped) {
      // The same layer decoder as links and files: ranges and names from one table.
      const d = decodeLayer(mapped, layers.length + 1);
      if (!d.ok) return { ok: false, error: msg('import.network', { problem: d.problem }) };
      layers.push(d.value);
      names.push(textOf(c.name, 200));
    }
  }
  if (unsupported.length) return bad('unsupported', { list: unsupported.join(', '), supported: SUPPORTED });
  const shape = JSON.stringify(Array.isArray(inputShape) ? inputShape.slice(1) : null);
  if (shape === '[784]') {
    layers.unshift({ kind: 'flatten' }); // a flat 784 input equals our 28×28×1 image flattened row by row
    names.unshift('');
  } else if (shape !== '[28,28,1]') return bad('input', { shape });
  const network: NetworkSpec = { layers };
  const problem = inferNetwork(network).problem;
  if (problem) return { ok: false, error: msg('import.network', { problem }) };
  const sizes = weightSizes(network)!;

  // Weights: the manifest's specs, laid end to end over its files in order.
  if (!Array.isArray(j.weightsManifest)) return bad('noManifest');
  // Every file once, and the sum of what the manifest reads checked before anything is allocated: a manifest
  // that lists one file a thousand times would otherwise ask for a thousand copies.
  const groups: { parts: ArrayBuffer[]; weights: unknown[] }[] = [];
  const seen = new Set<string>();
  let grand = 0;
  for (const group of j.weightsManifest) {
    if (!isObj(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) return bad('manifestDamaged');
    const parts: ArrayBuffer[] = [];
    for (const p of group.paths) {
      const file = textOf(p, 1000).split('/').pop() ?? '';
      if (seen.has(file)) return bad('duplicatePath', { file: file.slice(0, 80) });
      seen.add(file);
      const f = files.get(file);
      if (!f) return bad('missingFile', { file: textOf(p) });
      parts.push(f);
      grand += f.byteLength;
    }
    groups.push({ parts, weights: group.weights });
  }
  if (grand > MAX_MODEL_FILE_BYTES)
    return bad('manifestTooLarge', { mb: Math.ceil(grand / 2 ** 20), limit: MAX_MODEL_FILE_BYTES / 2 ** 20 });
  const byName = new Map<string, Float32Array>();
  for (const group of groups) {
    const parts = group.parts;
    const total = parts.reduce((s, b) => s + b.byteLength, 0);
    const all = new Uint8Array(total);
    parts.reduce((off, b) => (all.set(new Uint8Array(b), off), off + b.byteLength), 0);
    let off = 0;
    for (const w of group.weights) {
      if (!isObj(w) || typeof w.name !== 'string' || !Array.isArray(w.shape)) return bad('weightDamaged');
      if (w.dtype !== 'float32' || w.quantization)
        return bad('dtype', { name: w.name, dtype: `${textOf(w.dtype)}${w.quantization ? ' (quantized)' : ''}` });
      const n = (w.shape as unknown[]).reduce<number>((a, b) => a * numberOf(b), 1);
      if (!Number.isInteger(n) || n < 0 || n > 50_000_000) return bad('impossibleShape', { name: w.name });
      if (off + n * 4 > total) return bad('short', { name: w.name });
      byName.set(w.name, new Float32Array(all.buffer.slice(off, off + n * 4)));
      off += n * 4;
    }
    if (off !== total) return bad('long', { bytes: total - off });
  }
  // Names match exactly; a prefix (a model name, "sequential/dense/kernel") is accepted only when exactly one
  // weight ends with the name, so layers named "dense" and "my_dense" never swap weights.
  const used = new Set<string>();
  const find = (want: string): [string, Float32Array] | string => {
    const exact = byName.get(want);
    if (exact) return [want, exact];
    const candidates = [...byName.keys()].filter((k) => k.endsWith(`/${want}`));
    if (candidates.length === 0) return 'missingWeight';
    if (candidates.length > 1) return 'ambiguousWeight';
    return [candidates[0], byName.get(candidates[0])!];
  };
  // In model.getWeights() order (weightSizes): trainable arrays layer by layer, then BatchNorm's moving statistics.
  const wanted = layers.flatMap((l, i) => expectedNames(l, names[i]));
  const isStat = (n: string) => n.endsWith('/moving_mean') || n.endsWith('/moving_variance');
  const order = [...wanted.filter((n) => !isStat(n)), ...wanted.filter(isStat)];
  const weights: Float32Array[] = [];
  for (const want of order) {
    const found = find(want);
    if (typeof found === 'string') return bad(found, { name: want });
    const [name, w] = found;
    if (used.has(name)) return bad('ambiguousWeight', { name: want });
    used.add(name);
    const k = weights.length;
    if (w.length !== sizes[k]) return bad('weightShape', { name: want, found: w.length, wanted: sizes[k] });
    if (!w.every(Number.isFinite)) return bad('weightNaN', { name: want });
    if (want.endsWith('/moving_variance') && w.some((v) => v < 0)) return bad('badVariance', { name: want });
    weights.push(w);
  }
  return { ok: true, network, weights };
}
