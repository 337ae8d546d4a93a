// Named starting networks. `mlp-seed` is the founding text's 784-128-10 network and the default.
import type { NetworkSpec } from './spec';

export type PresetId = 'mlp-seed';

export type Preset = { id: PresetId; name: string; network: NetworkSpec };

export const PRESETS: readonly Preset[] = [
  {
    id: 'mlp-seed',
    name: 'Founding MLP (784-128-10)',
    network: {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 128, activation: 'relu' },
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
