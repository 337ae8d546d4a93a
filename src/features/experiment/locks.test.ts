import { describe, expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG } from '../../model/training';
import { lockedChanges } from './locks';

const mlp = presetById('mlp-seed').network;
const cnn = presetById('cnn-small').network;
const cur = { network: mlp, train: DEFAULT_CONFIG };

describe('locks', () => {
  it('allows anything when nothing is locked, and an unchanged experiment under every lock', () => {
    expect(lockedChanges(cur, { network: cnn, train: { ...DEFAULT_CONFIG, learningRate: 5 } }, [])).toEqual([]);
    expect(
      lockedChanges(cur, { network: { layers: mlp.layers.map((l) => ({ ...l })) }, train: { ...DEFAULT_CONFIG } }, [
        'network',
        'hyper',
      ]),
    ).toEqual([]);
  });

  it('names each locked part a change touches: a lesson that swaps both under both locks is refused whole', () => {
    const lesson = { network: cnn, train: { ...DEFAULT_CONFIG, learningRate: 5 } };
    expect(lockedChanges(cur, lesson, ['network', 'hyper'])).toEqual(['network', 'hyper']);
    expect(lockedChanges(cur, lesson, ['hyper'])).toEqual(['hyper']);
    expect(lockedChanges(cur, { network: cnn, train: DEFAULT_CONFIG }, ['hyper', 'charts'])).toEqual([]);
    expect(lockedChanges(cur, { network: mlp, train: { ...DEFAULT_CONFIG, seed: 1 } }, ['hyper'])).toEqual(['hyper']);
  });

  it('counts a dropout rate as part of the network', () => {
    const a = { network: presetById('mlp-deep-dropout').network, train: DEFAULT_CONFIG };
    const b = {
      ...a,
      network: { layers: a.network.layers.map((l) => (l.kind === 'dropout' ? { ...l, rate: 0.5 } : l)) },
    };
    expect(lockedChanges(a, b, ['network'])).toEqual(['network']);
  });
});
