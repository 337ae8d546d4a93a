// The trust boundary for networks and hyperparameters: one total decoder per shape. Links, session files, runs,
// model imports and sweeps all hand their candidate values to these functions, which build a fresh value from
// allow-listed fields (never a type assertion after a partial check) and answer with a problem instead of throwing.
// The ranges here are also the builder's: a layer field outside them is not committed (LayerFields), so every
// network in the store can be written to a link and read back unchanged.
import { isObj } from './guards';
import { msg, type Msg } from './msg';
import { LIMITS } from './shapes';
import {
  ACTIVATIONS,
  PADDINGS,
  type Activation,
  type LayerKind,
  type LayerSpec,
  type NetworkSpec,
  type Padding,
} from './spec';
import { DEFAULT_CONFIG, type TrainConfig } from './training';
import { configProblem, FIELD_NAMES, isTrainConfig, TRAIN_FIELDS, type Field } from './trainFields';

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: Msg };
const no = (problem: Msg): { ok: false; problem: Msg } => ({ ok: false, problem });

/** Integer ranges of each layer field, shared by the builder's inputs and every decoder. */
export const LAYER_FIELD_RANGES = {
  units: [1, 4096],
  filters: [1, 512],
  kernelSize: [1, 28],
  stride: [1, 28],
  poolSize: [1, 28],
} as const;
export type IntField = keyof typeof LAYER_FIELD_RANGES;

/** Dropout keeps at least 1% of the units: a rate of 1 would zero the layer and divide by 0. */
export const MAX_DROPOUT = 0.99;

export const isActivation = (x: unknown): x is Activation =>
  typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x);
const isPadding = (x: unknown): x is Padding => typeof x === 'string' && (PADDINGS as readonly string[]).includes(x);

/** A layer field's value is in range (the builder commits only such values). */
export function fieldInRange(field: IntField | 'rate', v: unknown): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  if (field === 'rate') return v >= 0 && v <= MAX_DROPOUT;
  const [lo, hi] = LAYER_FIELD_RANGES[field];
  return Number.isInteger(v) && v >= lo && v <= hi;
}

const KINDS: Record<LayerKind, true> = {
  dense: true,
  conv2d: true,
  maxPool2d: true,
  avgPool2d: true,
  flatten: true,
  dropout: true,
  batchNorm: true,
  activation: true,
};
const isKind = (x: unknown): x is LayerKind => typeof x === 'string' && Object.prototype.hasOwnProperty.call(KINDS, x);

/** One layer from anywhere: a fresh spec holding only its kind's fields, or what is wrong with it. */
export function decodeLayer(x: unknown, n = 1): Decoded<LayerSpec> {
  if (!isObj(x)) return no(msg('decode.layerNotObject', { n }));
  const kind = x.kind;
  if (!isKind(kind))
    return no(msg('decode.layerKind', { n, kind: String(typeof kind === 'string' ? kind : typeof kind).slice(0, 24) }));
  const int = (field: IntField): number | Msg => {
    const v = x[field];
    if (fieldInRange(field, v)) return v;
    const [min, max] = LAYER_FIELD_RANGES[field];
    return msg('decode.layerField', {
      n,
      kind: msg(`kind.${kind}`),
      field: msg(`field.${field === 'kernelSize' ? 'kernel' : field === 'poolSize' ? 'pool' : field}`),
      min,
      max,
    });
  };
  const act = (): Activation | Msg =>
    isActivation(x.activation) ? x.activation : msg('decode.layerActivation', { n });
  const isM = (v: unknown): v is Msg => typeof v === 'object';
  switch (kind) {
    case 'dense': {
      const units = int('units'),
        activation = act();
      if (isM(units)) return no(units);
      if (isM(activation)) return no(activation);
      return { ok: true, value: { kind, units, activation } };
    }
    case 'conv2d': {
      const filters = int('filters'),
        kernelSize = int('kernelSize'),
        stride = int('stride'),
        activation = act();
      for (const v of [filters, kernelSize, stride, activation]) if (isM(v)) return no(v);
      if (!isPadding(x.padding)) return no(msg('decode.layerPadding', { n }));
      return {
        ok: true,
        value: {
          kind,
          filters: filters as number,
          kernelSize: kernelSize as number,
          stride: stride as number,
          padding: x.padding,
          activation: activation as Activation,
        },
      };
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const poolSize = int('poolSize'),
        stride = int('stride');
      if (isM(poolSize)) return no(poolSize);
      if (isM(stride)) return no(stride);
      return { ok: true, value: { kind, poolSize, stride } };
    }
    case 'flatten':
    case 'batchNorm':
      return { ok: true, value: { kind } };
    case 'dropout':
      if (!fieldInRange('rate', x.rate)) return no(msg('decode.layerRate', { n, max: MAX_DROPOUT }));
      return { ok: true, value: { kind, rate: x.rate + 0 } }; // -0 → 0: a link writes both as "0"
    case 'activation': {
      const activation = act();
      return isM(activation) ? no(activation) : { ok: true, value: { kind, activation } };
    }
  }
}

/**
 * A network from anywhere: at most LIMITS.layers well-formed layers. Whether it can train (shapes, size, the
 * softmax at the end) is shape inference's question; a link may carry a fixable mistake for the builder to show.
 */
export function decodeNetwork(x: unknown): Decoded<NetworkSpec> {
  const layers = isObj(x) ? x.layers : undefined;
  if (!Array.isArray(layers)) return no(msg('decode.noLayers'));
  if (layers.length > LIMITS.layers)
    return no(msg('problem.tooManyLayers', { n: layers.length, limit: LIMITS.layers }));
  const out: LayerSpec[] = [];
  for (let i = 0; i < layers.length; i++) {
    const l = decodeLayer(layers[i], i + 1);
    if (!l.ok) return l;
    out.push(l.value);
  }
  return { ok: true, value: { layers: out } };
}

/**
 * Hyperparameters from anywhere: each field checked by its row in TRAIN_FIELDS. A field that is missing takes
 * the row's `absent` meaning, else the default (records from before the field existed).
 */
export function decodeConfig(x: unknown): Decoded<TrainConfig> {
  if (!isObj(x)) return no(msg('decode.configNotObject'));
  const out = {} as Record<keyof TrainConfig, unknown>;
  for (const name of FIELD_NAMES) {
    const f = TRAIN_FIELDS[name] as Field<typeof name>;
    const v = Object.prototype.hasOwnProperty.call(x, name) ? x[name] : (f.absent ?? DEFAULT_CONFIG[name]);
    out[name] = typeof v === 'number' ? v + 0 : v; // -0 → 0: a link writes both as "0"
  }
  // Every field now holds something; configProblem checks each against its row, then the fields together.
  return isTrainConfig(out) ? { ok: true, value: out } : no(configProblem(out)!);
}
