// Named starting networks. `mlp-seed` is the founding text's 784-128-10 network and the default.
import type { NetworkSpec } from './spec';

export type PresetId = 'mlp-seed' | 'logistic' | 'mlp-deep-dropout' | 'lenet5' | 'cnn-small';

/** Names and descriptions are in the i18n catalogues under preset.<id>.name / .blurb. */
export type Preset = { id: PresetId; network: NetworkSpec };

export const PRESETS: readonly Preset[] = [
  {
    id: 'mlp-seed',
    network: {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 128, activation: 'relu' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'logistic',
    network: { layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'softmax' }] },
  },
  {
    id: 'mlp-deep-dropout',
    network: {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 256, activation: 'relu' },
        { kind: 'dropout', rate: 0.2 },
        { kind: 'dense', units: 128, activation: 'relu' },
        { kind: 'dropout', rate: 0.2 },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'lenet5',
    network: {
      layers: [
        { kind: 'conv2d', filters: 6, kernelSize: 5, stride: 1, padding: 'same', activation: 'relu' },
        { kind: 'avgPool2d', poolSize: 2, stride: 2 },
        { kind: 'conv2d', filters: 16, kernelSize: 5, stride: 1, padding: 'valid', activation: 'relu' },
        { kind: 'avgPool2d', poolSize: 2, stride: 2 },
        { kind: 'flatten' },
        { kind: 'dense', units: 120, activation: 'relu' },
        { kind: 'dense', units: 84, activation: 'relu' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'cnn-small',
    network: {
      layers: [
        { kind: 'conv2d', filters: 8, kernelSize: 3, stride: 2, padding: 'same', activation: 'relu' },
        { kind: 'conv2d', filters: 16, kernelSize: 3, stride: 2, padding: 'same', activation: 'relu' },
        { kind: 'flatten' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
];

export const DEFAULT_PRESET: PresetId = 'mlp-seed';

export function presetById(id: PresetId): Preset {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`Unknown preset ${id}`);
  return p;
}

/** The preset whose network equals `net` exactly, if any. */
export function presetOf(net: NetworkSpec): PresetId | null {
  const key = JSON.stringify(net);
  return PRESETS.find((p) => JSON.stringify(p.network) === key)?.id ?? null;
}
