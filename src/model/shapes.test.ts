import { chinese, english } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { presetById } from './presets';
import { inferNetwork, windowOut } from './shapes';
import type { LayerSpec, NetworkSpec } from './spec';

const out: LayerSpec = { kind: 'dense', units: 10, activation: 'softmax' };

describe('shape inference', () => {
  it('gives the founding MLP its 101,770 parameters', () => {
    const info = inferNetwork(presetById('mlp-seed').network);
    expect(info.problem).toBeNull();
    expect(info.totalParams).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(info.layers.map((l) => l.outputShape)).toEqual([[784], [128], [10]]);
  });

  it('follows convolution and pooling arithmetic', () => {
    expect(windowOut(28, 5, 1, 'valid')).toBe(24);
    expect(windowOut(28, 5, 2, 'same')).toBe(14);
    const info = inferNetwork({
      layers: [
        { kind: 'conv2d', filters: 6, kernelSize: 5, stride: 1, padding: 'same', activation: 'relu' },
        { kind: 'maxPool2d', poolSize: 2, stride: 2 },
        { kind: 'conv2d', filters: 16, kernelSize: 5, stride: 1, padding: 'valid', activation: 'relu' },
        { kind: 'flatten' },
        out,
      ],
    });
    expect(info.problem).toBeNull();
    expect(info.layers.map((l) => l.outputShape)).toEqual([[28, 28, 6], [14, 14, 6], [10, 10, 16], [1600], [10]]);
    expect(info.layers[0].params).toBe(5 * 5 * 1 * 6 + 6);
    expect(info.layers[2].params).toBe(5 * 5 * 6 * 16 + 16);
  });

  it('explains impossible networks instead of throwing, in both languages', () => {
    const text = (net: NetworkSpec) => {
      const p = inferNetwork(net).problem;
      return p ? english(p) : null;
    };
    const noFlatten = inferNetwork({ layers: [{ kind: 'dense', units: 10, activation: 'softmax' }] });
    expect(text({ layers: [{ kind: 'dense', units: 10, activation: 'softmax' }] })).toMatch(/Flatten/);
    expect(noFlatten.layers[0].needsFlatten).toBe(true);
    const bigKernel: NetworkSpec = {
      layers: [
        { kind: 'conv2d', filters: 4, kernelSize: 30, stride: 1, padding: 'valid', activation: 'relu' },
        { kind: 'flatten' },
        out,
      ],
    };
    expect(text(bigKernel)).toBe('Layer 1: Kernel 30×30 is larger than its 28×28 input.');
    expect(chinese(inferNetwork(bigKernel).problem!)).toBe('第 1 层：30×30 的卷积核比它的 28×28 输入还大。');
    expect(text({ layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'relu' }] })).toMatch(
      /softmax/,
    );
    expect(text({ layers: [] })).toMatch(/no layers/);
    expect(text({ layers: [{ kind: 'flatten' }, { kind: 'dense', units: 0, activation: 'relu' }, out] })).toBe(
      'Layer 2: Dense units must be a whole number from 1 to 4096.',
    );
  });
});
