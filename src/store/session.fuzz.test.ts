// Hostile session files (downloaded, edited, shared between thirty students) and fuzzing of decodeSession: every
// input gives a session whose numbers are all finite and within the app's limits, or a clear message; never a
// throw, a hang, or state that freezes the charts. The named cases are the nastiest found, kept as regressions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n/english';
import { presetById } from '../model/presets';
import { weightSizes } from '../model/shapes';
import { DEFAULT_CONFIG } from '../model/training';
import { allFinite, boundFor, FUZZ_RUNS, mutationOf, textMutationOf, timed, type Json } from '../testing/fuzz';
import { decodeSession, encodeSession, MAX_COUNTER, type Session } from './session';
import { MAX_SERIES } from './store';

function session(): Session {
  const network = presetById('logistic').network; // small weights keep each decode fast, so more inputs fit a run
  return {
    name: 'Fuzz',
    savedAt: '2026-12-02T10:00:00.000Z',
    network,
    train: { ...DEFAULT_CONFIG },
    point: { batch: 40, epoch: 0, weights: weightSizes(network)!.map((n) => new Float32Array(n).fill(0.01)) },
    history: {
      series: [
        { batch: 10, loss: 2, accuracy: 0.3 },
        { batch: 20, loss: 1, accuracy: 0.6 },
      ],
      epochs: [{ epoch: 1, batch: 30, testAccuracy: 0.9, testLoss: 0.3 }],
      markers: [{ batch: 15, kind: 'change', label: { key: 'change.learningRate', values: { from: 0.002, to: 0.01 } } }],
    },
    runs: [],
  };
}
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
}

describe('hostile session files', () => {
  const cases: [string, () => string, RegExp][] = [
    [
      'a marker whose message nests 5,000 levels deep',
      () => {
        // Written as text: JSON.stringify itself cannot go this deep.
        const label = '{"key":"change.list","values":{"first":'.repeat(5000) + '{"key":"text"}' + '}}'.repeat(5000);
        return withHistory({ markers: [] }).replace('"markers":[]', `"markers":[{"batch":1,"kind":"change","label":${label}}]`);
      },
      /chart marker 1 of its history is damaged|not JSON/,
    ],
    [
      'a marker with null message values',
      () => withHistory({ markers: [{ batch: 1, label: { key: 'change.learningRate', values: { from: null, to: null } } }] }),
      /chart marker 1/,
    ],
    ['a marker with a null label', () => withHistory({ markers: [{ batch: 1, label: null }] }), /chart marker 1/],
    [
      '300,000 chart points',
      () => withHistory({ series: Array.from({ length: 300_000 }, (_, i) => ({ batch: i + 1, loss: 1, accuracy: 0.5 })) }),
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
    ['an accuracy above 1', () => withHistory({ epochs: [{ epoch: 1, batch: 1, testAccuracy: 97.5, testLoss: 0.1 }] }), /epoch result 1/],
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
      () => JSON.stringify({ ...valid(), experiment: `v=1&net=f,${'a.relu,'.repeat(200)}d10.softmax&opt=adam&lr=0.001&bs=128&seed=1` }),
      /damaged|cannot be opened/,
    ],
    [
      'a training set smaller than the batch',
      () => JSON.stringify({ ...valid(), experiment: 'v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.001&bs=512&seed=1&n=100' }),
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
