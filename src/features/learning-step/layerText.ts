// Names and TeX for a layer in the learning-step view.
import type { TFunction } from 'i18next';
import type { StepLayer } from '../../model/learningStep';
import type { Activation } from '../../model/spec';

/** "Layer 2 · Dense 128, relu" */
export function layerTitle(t: TFunction, l: StepLayer): string {
  const s = l.spec;
  const detail =
    s.kind === 'dense'
      ? `${s.units}, ${s.activation}`
      : s.kind === 'conv2d'
        ? `${s.filters}×${s.kernelSize}×${s.kernelSize}, ${s.activation}`
        : s.kind === 'activation'
          ? s.activation
          : s.kind === 'dropout'
            ? `${s.rate}`
            : s.kind === 'maxPool2d' || s.kind === 'avgPool2d'
              ? `${s.poolSize}×${s.poolSize}`
              : '';
  return `${t('step.layerN', { n: l.index + 1 })} · ${t(`kind.${s.kind}`)}${detail ? ` (${detail})` : ''}`;
}

/** The activation of a layer that has one (the last Dense is softmax). */
export function activationOf(l: StepLayer): Activation | null {
  const s = l.spec;
  return s.kind === 'dense' || s.kind === 'conv2d' || s.kind === 'activation' ? s.activation : null;
}

/** f in TeX: \operatorname{relu} etc. */
export const texAct = (a: Activation) => `\\operatorname{${a === 'leakyRelu' ? 'leaky\\,relu' : a}}`;

/** f′ of an elementwise activation in TeX, in terms of z (or h where shorter). */
export function texDerivative(a: Activation): string {
  switch (a) {
    case 'relu':
      return '\\mathbb{1}[z>0]';
    case 'leakyRelu':
      return 'z>0\\ ?\\ 1 : 0.2';
    case 'elu':
      return 'z>0\\ ?\\ 1 : e^{z}';
    case 'sigmoid':
      return '\\sigma(z)\\,(1-\\sigma(z))';
    case 'tanh':
      return '1-\\tanh^2 z';
    case 'linear':
      return '1';
    case 'softmax':
      return '\\text{(a matrix)}';
  }
}

/** The unit the formulas follow in a layer: the one whose ∂L/∂z (or ∂L/∂h) is largest — it moves most. */
export function followedUnit(l: StepLayer, label: number, last: boolean): number {
  if (last) return label;
  const v = l.dz ?? l.dh;
  let best = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]) > Math.abs(v[best])) best = i;
  return best;
}
