// The shared decoders are total: any value from outside gives a fresh, valid value or a problem, never a throw;
// everything the builder and the hyperparameter fields can produce is accepted and comes back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n/english';
import { configArb, layerArb, markerLabelArb, networkArb } from '../testing/arbitraries';
import { FUZZ_RUNS, hostileJson } from '../testing/fuzz';
import { decodeConfig, decodeLayer, decodeNetwork } from './decode';
import { decodeMsg, type Msg } from './msg';

const anything = fc.oneof(
  fc.anything({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
  hostileJson,
);

describe('decoders never throw', () => {
  for (const [name, decode] of [
    ['decodeLayer', decodeLayer],
    ['decodeNetwork', decodeNetwork],
    ['decodeConfig', decodeConfig],
    ['decodeMsg', decodeMsg],
  ] as const)
    it(`${name}: ${FUZZ_RUNS} arbitrary values give a value or a problem`, () => {
      fc.assert(
        fc.property(anything, (x) => {
          const r = (decode as (x: unknown) => unknown)(x);
          if (r && typeof r === 'object' && 'ok' in r && r.ok === false)
            expect(english((r as unknown as { problem: Msg }).problem).length).toBeGreaterThan(5);
        }),
        { numRuns: FUZZ_RUNS },
      );
    });

  it('decodeNetwork: networks with one layer replaced by anything', () => {
    fc.assert(
      fc.property(networkArb, anything, fc.nat(), (net, bad, at) => {
        const layers: unknown[] = [...net.layers, { kind: 'flatten' }];
        layers[at % layers.length] = bad;
        const r = decodeNetwork({ layers });
        if (r.ok) for (const l of r.value.layers) expect(decodeLayer(l)).toEqual({ ok: true, value: l });
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('what the app accepts comes back unchanged', () => {
  it('every layer the builder commits', () => {
    fc.assert(
      fc.property(layerArb, (l) => {
        expect(decodeLayer(l)).toEqual({ ok: true, value: l });
      }),
    );
  });
  it('every network of up to 40 such layers', () => {
    fc.assert(
      fc.property(networkArb, (n) => {
        expect(decodeNetwork(n)).toEqual({ ok: true, value: n });
      }),
    );
  });
  it('every config the fields take', () => {
    fc.assert(
      fc.property(configArb, (c) => {
        expect(decodeConfig(c)).toEqual({ ok: true, value: c });
      }),
    );
  });
  it('every marker label the page makes, a change list 49 deep included', () => {
    fc.assert(
      fc.property(markerLabelArb, (m) => {
        expect(decodeMsg(m)).toEqual(m);
      }),
    );
  });
});

describe('hostile values', () => {
  const dense = (extra: Record<string, unknown>) => ({ kind: 'dense', units: 128, activation: 'relu', ...extra });
  it.each([
    ['a null layer', null, /layer 1 is damaged/],
    ['an unknown kind', { kind: 'lstm' }, /unknown kind "lstm"/],
    ['a prototype name as kind', { kind: '__proto__' }, /unknown kind/],
    ['code in an activation', dense({ activation: 'relu", name=print(1) or "x' }), /unknown activation/],
    [
      'code in a padding',
      { kind: 'conv2d', filters: 8, kernelSize: 3, stride: 1, padding: "same') or x('", activation: 'relu' },
      /padding/,
    ],
    ['units as text', dense({ units: '128' }), /units must be a whole number from 1 to 4096/],
    ['units past the range', dense({ units: 4097 }), /units must be a whole number from 1 to 4096/],
    [
      'a stride of 100,000',
      { kind: 'maxPool2d', poolSize: 2, stride: 100000 },
      /stride must be a whole number from 1 to 28/,
    ],
    ['a dropout rate of 1', { kind: 'dropout', rate: 1 }, /dropout rate must be from 0 to 0.99/],
  ])('refuses %s', (_, layer, message) => {
    const r = decodeLayer(layer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problem)).toMatch(message);
  });

  it('keeps only the kind’s own fields (extra keys never reach the store)', () => {
    const r = decodeLayer(dense({ name: 'print(1)', __proto__: { polluted: true } }));
    expect(r).toEqual({ ok: true, value: { kind: 'dense', units: 128, activation: 'relu' } });
    if (r.ok) expect(Object.keys(r.value)).toEqual(['kind', 'units', 'activation']);
  });

  it('refuses a learning rate that is 0 in float32, and value names i18next would read as options', () => {
    const r = decodeConfig({ learningRate: 1e-320 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(english(r.problem)).toMatch(/Learning rate must be a number from 0.000001 to 1000/);
    const m = decodeMsg({
      key: 'change.learningRate',
      values: { from: 1, to: 2, lng: 'xx', ns: 'x', returnObjects: 1 },
    });
    expect(m).not.toBeNull();
    expect(english(m!)).toBe(english({ key: 'change.learningRate', values: { from: 1, to: 2 } }));
  });
});
