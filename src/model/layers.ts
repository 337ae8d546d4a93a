// Per-kind defaults, labels and edits of layer specs, shared by the builder UI and the URL codec.
import { msg, type Msg } from './msg';
import { assertNever, type LayerKind, type LayerSpec, type NetworkSpec } from './spec';

export const LAYER_KINDS: readonly LayerKind[] = [
  'dense',
  'conv2d',
  'maxPool2d',
  'avgPool2d',
  'flatten',
  'dropout',
  'batchNorm',
  'activation',
];

export function defaultLayer(kind: LayerKind): LayerSpec {
  switch (kind) {
    case 'dense':
      return { kind, units: 64, activation: 'relu' };
    case 'conv2d':
      return { kind, filters: 8, kernelSize: 3, stride: 1, padding: 'same', activation: 'relu' };
    case 'maxPool2d':
    case 'avgPool2d':
      return { kind, poolSize: 2, stride: 2 };
    case 'flatten':
      return { kind };
    case 'dropout':
      return { kind, rate: 0.25 };
    case 'batchNorm':
      return { kind };
    case 'activation':
      return { kind, activation: 'relu' };
    default:
      return assertNever(kind, 'layer kind');
  }
}

export const insertLayer = (n: NetworkSpec, at: number, l: LayerSpec): NetworkSpec => ({
  layers: [...n.layers.slice(0, at), l, ...n.layers.slice(at)],
});
export const removeLayer = (n: NetworkSpec, at: number): NetworkSpec => ({
  layers: n.layers.filter((_, i) => i !== at),
});
export const duplicateLayer = (n: NetworkSpec, at: number): NetworkSpec => insertLayer(n, at + 1, { ...n.layers[at] });
export const replaceLayer = (n: NetworkSpec, at: number, l: LayerSpec): NetworkSpec => ({
  layers: n.layers.map((x, i) => (i === at ? l : x)),
});
export function moveLayer(n: NetworkSpec, from: number, to: number): NetworkSpec {
  if (from === to || to < 0 || to >= n.layers.length) return n;
  const layers = n.layers.slice();
  const [l] = layers.splice(from, 1);
  layers.splice(to, 0, l);
  return { layers };
}

/** True when two networks differ at most in their dropout rates (a live change, no rebuild needed). */
export function onlyDropoutDiffers(a: NetworkSpec, b: NetworkSpec): boolean {
  if (a.layers.length !== b.layers.length) return false;
  const strip = (l: LayerSpec) => (l.kind === 'dropout' ? { kind: 'dropout' } : l);
  return (
    JSON.stringify(a.layers.map(strip)) === JSON.stringify(b.layers.map(strip)) &&
    JSON.stringify(a) !== JSON.stringify(b)
  );
}

/** "dropout (layer 3) 0.2 → 0.5" for each changed rate. */
export function dropoutChanges(a: NetworkSpec, b: NetworkSpec): Msg[] {
  return a.layers.flatMap((l, i) => {
    const m = b.layers[i];
    return l.kind === 'dropout' && m?.kind === 'dropout' && l.rate !== m.rate
      ? [msg('change.dropout', { n: i + 1, from: l.rate, to: m.rate })]
      : [];
  });
}
