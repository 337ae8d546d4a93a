// The round-trip law for sessions: every session the app can save opens again unchanged (its runs, deeply
// nested markers and counters at the limit included). Hostile and fuzzed files are in session.fuzz.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../model/prng';
import { presetById, PRESETS } from '../../model/presets';
import { experimentProblem } from '../../model/trainFields';
import { configArb, historyArb, myDigitArb, runArb } from '../../testing/arbitraries';
import { varianceIndices, weightSizes } from '../../model/shapes';
import { decodeSession, encodeSession, MAX_COUNTER, sessionName, type Session } from './session';
import { session } from '../../testing/sessionFixture';

describe('the round-trip law for sessions', () => {
  it('every session the app can save opens again unchanged: runs, deep markers, counters at the limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESETS.filter((p) => weightSizes(p.network)!.reduce((a, b) => a + b, 0) < 60_000)),
        configArb,
        historyArb,
        fc.option(
          fc.record({
            batch: fc.constantFrom(0, 1, 40, MAX_COUNTER - 1, MAX_COUNTER),
            epoch: fc.constantFrom(0, 1, 3),
          }),
          {
            nil: null,
          },
        ),
        fc.string({ maxLength: 120 }),
        fc.nat(),
        fc.array(myDigitArb, { maxLength: 3 }),
        (preset, train, history, counters, rawName, seed, myDigits) => {
          fc.pre(experimentProblem(preset.network, train) === null);
          const network = preset.network;
          const sizes = weightSizes(network)!;
          const variances = varianceIndices(network);
          const rand = mulberry32(seed);
          const point = counters && {
            batch: counters.batch,
            epoch: Math.min(counters.epoch, counters.batch),
            weights: sizes.map((n, i) =>
              Float32Array.from({ length: n }, () => (variances.has(i) ? rand() : rand() - 0.5)),
            ),
          };
          const s: Session = {
            name: sessionName(rawName),
            savedAt: '2026-12-07T10:00:00.000Z',
            network,
            train,
            point,
            history,
            runs: [],
            myDigits,
          };
          const back = decodeSession(encodeSession(s));
          expect(back).toEqual({ ok: true, session: s });
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('runs of every kind come back unchanged', () => {
    const network = presetById('logistic').network;
    fc.assert(
      fc.property(fc.array(runArb(network, 7850), { maxLength: 4 }), (runs) => {
        const unique = runs.filter((r, i) => runs.findIndex((x) => x.id === r.id) === i);
        const trainable = unique.filter((r) => experimentProblem(r.network, r.config) === null);
        const s: Session = { ...session(), runs: trainable };
        const back = decodeSession(encodeSession(s));
        expect(back.ok && back.session.runs).toEqual(trainable);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
