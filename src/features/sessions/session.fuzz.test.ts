// Hostile session files (downloaded, edited, shared between thirty students) and fuzzing of decodeSession: every
// input gives a session whose numbers are all finite and within the app's limits, or a clear message; never a
// throw, a hang, or state that freezes the charts. The named cases are the nastiest found, kept as regressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/english';
import { presetById } from '../../model/presets';
import { weightSizes } from '../../model/shapes';
import { decodeConfig, decodeNetwork } from '../../model/decode';
import type { NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG } from '../../model/training';
import { allFinite, boundFor, FUZZ_RUNS, mutationOf, textMutationOf, timed, type Json } from '../../testing/fuzz';
import { decodeSession, encodeSession, MAX_COUNTER } from './session';
import { session } from '../../testing/sessionFixture';
import { MAX_SERIES } from '../../store/store';

const valid = () => JSON.parse(encodeSession(session())) as Record<string, unknown>;
const withHistory = (history: unknown) => JSON.stringify({ ...valid(), history });

/** What a decoded session must satisfy for the page to render and train it. */
function checkDecoded(text: string) {
  const { value: r, ms } = timed(() => decodeSession(text));
  expect(ms).toBeLessThan(boundFor(text));
  if (!r.ok) {
    expect(english(r.error).length).toBeGreaterThan(10);
    return;
  }
  const s = r.session;
  expect(allFinite(s.point)).toBe(true);
  expect(allFinite(s.history.series) && allFinite(s.history.epochs)).toBe(true);
  expect(s.history.series.length).toBeLessThanOrEqual(MAX_SERIES);
  for (const p of s.history.series) expect(p.batch).toBeLessThanOrEqual(MAX_COUNTER);
  expect(s.point === null || s.point.batch + 1 > s.point.batch).toBe(true);
  // Marker labels render: translating them terminates and gives bounded text.
  for (const m of s.history.markers) expect(english(m.label).length).toBeLessThan(20_000);
  // Runs hold networks and settings the decoders accept, and markers that render.
  for (const r of s.runs) {
    expect(decodeNetwork(r.network)).toEqual({ ok: true, value: r.network });
    expect(decodeConfig(r.config)).toEqual({ ok: true, value: r.config });
    for (const m of r.markers) expect(english(m.label).length).toBeLessThan(20_000);
  }
}

describe('hostile session files', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a marker whose message nests 5,000 levels deep',
      () => {
        // Written as text: JSON.stringify itself cannot go this deep.
        const label = '{"key":"change.list","values":{"first":'.repeat(5000) + '{"key":"text"}' + '}}'.repeat(5000);
        return withHistory({ markers: [] }).replace(
          '"markers":[]',
          `"markers":[{"batch":1,"kind":"change","label":${label}}]`,
        );
      },
      /chart marker 1 of its history is damaged|not JSON/,
    ],
    [
      'a marker with null message values',
      () =>
        withHistory({
          markers: [{ batch: 1, label: { key: 'change.learningRate', values: { from: null, to: null } } }],
        }),
      /chart marker 1/,
    ],
    ['a marker with a null label', () => withHistory({ markers: [{ batch: 1, label: null }] }), /chart marker 1/],
    [
      '300,000 chart points',
      () =>
        withHistory({ series: Array.from({ length: 300_000 }, (_, i) => ({ batch: i + 1, loss: 1, accuracy: 0.5 })) }),
      /300000 series entries, more than the 4000/,
    ],
    [
      'an astronomically large batch number',
      () => withHistory({ series: [{ batch: 1e300, loss: 1, accuracy: 0.5 }] }),
      /point 1 of its loss curve is damaged/,
    ],
    [
      'a loss of 1e999 (Infinity in JSON)',
      () => withHistory({ series: [{ batch: 1, loss: 1, accuracy: 0.5 }] }).replace('"loss":1', '"loss":1e999'),
      /point 1 of its loss curve/,
    ],
    [
      'a counter where batch++ changes nothing',
      () => JSON.stringify({ ...valid(), point: { ...(valid().point as object), batch: 2 ** 53 } }),
      /weights section is damaged/,
    ],
    [
      'points out of order',
      () =>
        withHistory({
          series: [
            { batch: 5, loss: 1, accuracy: 0.5 },
            { batch: 3, loss: 1, accuracy: 0.5 },
          ],
        }),
      /point 2 of its loss curve/,
    ],
    [
      'an accuracy above 1',
      () => withHistory({ epochs: [{ epoch: 1, batch: 1, testAccuracy: 97.5, testLoss: 0.1 }] }),
      /epoch result 1/,
    ],
    [
      'a network too big to train',
      () =>
        JSON.stringify({
          ...valid(),
          experiment: 'v=1&net=c512.3.1.same.relu,c512.3.1.same.relu,f,d10.softmax&opt=adam&lr=0.001&bs=128&seed=1',
        }),
      /cannot be opened/,
    ],
    [
      '200 activation layers',
      () =>
        JSON.stringify({
          ...valid(),
          experiment: `v=1&net=f,${'a.relu,'.repeat(200)}d10.softmax&opt=adam&lr=0.001&bs=128&seed=1`,
        }),
      /damaged|cannot be opened/,
    ],
    [
      'a training set smaller than the batch',
      () =>
        JSON.stringify({
          ...valid(),
          experiment: 'v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.001&bs=512&seed=1&n=100',
        }),
      /damaged|larger than the 100 training images/,
    ],
    [
      'weights given as a huge string',
      () => JSON.stringify({ ...valid(), point: { batch: 1, epoch: 0, weights: ['A'.repeat(10_000_000), ''] } }),
      /weight array 1 holds/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name}, with a clear message`, () => {
      const text = make();
      const { value: r, ms } = timed(() => decodeSession(text));
      expect(ms).toBeLessThan(boundFor(text));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.error)).toMatch(message);
    });
  }
});

describe('fuzzing decodeSession', () => {
  it(`survives ${FUZZ_RUNS} mutated session files (one node replaced or removed)`, () => {
    fc.assert(
      fc.property(mutationOf(valid() as Json), (text) => checkDecoded(text)),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} textual mutations (cut, spliced, a number made 1e999)`, () => {
    fc.assert(
      fc.property(textMutationOf(encodeSession(session())), (text) => checkDecoded(text)),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} arbitrary strings and JSON values`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => checkDecoded(text)),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
});

describe('session files with poisoned runs', () => {
  const poisoned = (network: unknown, config: unknown = DEFAULT_CONFIG) => {
    const doc = valid();
    const runs = doc.runs as Record<string, unknown>[];
    runs[0] = { ...runs[0], network, config };
    return JSON.stringify(doc);
  };
  it.each([
    [
      'code in an activation',
      { layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'softmax", name=print(1) or "x' }] },
    ],
    ['a null layer', { layers: [null, { kind: 'dense', units: 10, activation: 'softmax' }] }],
    ['an unknown layer kind', { layers: [{ kind: 'lstm', units: 10 }] }],
    ['a network that is not an object', 'f,d10.softmax'],
  ])('opens the session without the run holding %s', (_, network) => {
    const r = decodeSession(poisoned(network));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.session.runs.map((x) => x.id)).toEqual(['mk2-s0-abcd']);
      checkDecoded(poisoned(network));
    }
  });
  it('drops a run whose settings hold code or a float32-zero learning rate', () => {
    for (const config of [
      { ...DEFAULT_CONFIG, optimizer: 'adam(); x' },
      { ...DEFAULT_CONFIG, learningRate: 1e-320 },
    ]) {
      const r = decodeSession(poisoned(presetById('logistic').network, config));
      expect(r.ok && r.session.runs.length).toBe(1);
    }
  });
  it('refuses a BatchNorm moving variance below zero, naming the array', () => {
    const network: NetworkSpec = {
      layers: [
        { kind: 'flatten' },
        { kind: 'dense', units: 16, activation: 'relu' },
        { kind: 'batchNorm' },
        { kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const sizes = weightSizes(network)!;
    const make = (variance: number) =>
      encodeSession({
        ...session(),
        network,
        runs: [],
        point: {
          batch: 1,
          epoch: 0,
          weights: sizes.map((n, i) => new Float32Array(n).fill(i === sizes.length - 1 ? variance : 0.1)),
        },
      });
    expect(decodeSession(make(1)).ok).toBe(true);
    const r = decodeSession(make(-0.5));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(english(r.error)).toMatch(
        new RegExp(`weight array ${sizes.length} is a BatchNorm moving variance with values below 0`),
      );
  });
});
