// The challenge's link part and the goal's measure: what counts, what does not, and links that cannot be one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeChallenge, encodeChallenge, measureGoal, type Challenge } from './challenge';

const c: Challenge = { target: 0.97, maxParams: 120_000, maxEpochs: 2, question: 'Which learning rate wins?' };
const ep = (...acc: number[]) => acc.map((a, i) => ({ epoch: i + 1, testAccuracy: a }));

describe('the goal', () => {
  it('counts the best test accuracy of the epochs within the limit', () => {
    expect(measureGoal(c, ep(0.95, 0.972, 0.99), 101_770)).toEqual({
      best: 0.972,
      bestEpoch: 2,
      epochs: 2,
      withinParams: true,
      met: true,
    });
  });
  it('an epoch past the limit does not count, however good', () => {
    expect(measureGoal(c, ep(0.95, 0.96, 0.99), 101_770)).toMatchObject({ best: 0.96, met: false, epochs: 2 });
  });
  it('a network over the parameter limit meets nothing', () => {
    expect(measureGoal(c, ep(0.99), 120_001)).toMatchObject({ best: 0.99, withinParams: false, met: false });
    expect(measureGoal(c, ep(0.97), 120_000)).toMatchObject({ withinParams: true, met: true });
  });
  it('no limits: every epoch counts; nothing yet: no best', () => {
    const free = { ...c, maxParams: 0, maxEpochs: 0 };
    expect(measureGoal(free, ep(0.9, 0.95, 0.98), 10 ** 7)).toMatchObject({ best: 0.98, epochs: 3, met: true });
    expect(measureGoal(free, [], 1)).toMatchObject({ best: null, met: false, epochs: 0 });
  });
  it('the best is the first epoch that reached it (ties keep the earlier)', () => {
    expect(measureGoal(c, ep(0.97, 0.97), 1).bestEpoch).toBe(1);
  });
});

describe('challenge links', () => {
  it('round-trip, question and all', () => {
    expect(decodeChallenge(`#v=1&${encodeChallenge(c)}`)).toEqual({ ok: true, challenge: c });
    expect(decodeChallenge(encodeChallenge({ ...c, maxParams: 0, maxEpochs: 0, question: '' }))).toEqual({
      ok: true,
      challenge: { ...c, maxParams: 0, maxEpochs: 0, question: '' },
    });
    expect(decodeChallenge('#v=1&lr=0.1')).toEqual({ ok: true, challenge: null });
  });
  it('refuses what cannot be a challenge, with a reason', () => {
    for (const bad of [
      'goal=0',
      'goal=1.5',
      'goal=abc',
      'goal=0.9&maxp=-1',
      'goal=0.9&maxe=1e3',
      'goal=0.9&maxe=101',
      'maxe=2',
      `goal=0.9&q=${'x'.repeat(201)}`,
    ])
      expect(decodeChallenge(bad).ok, bad).toBe(false);
  });
  it('cleans control characters out of the question', () => {
    const d = decodeChallenge(`goal=0.9&q=${encodeURIComponent('a\u0000b\nc ')}`);
    expect(d).toEqual({ ok: true, challenge: { target: 0.9, maxParams: 0, maxEpochs: 0, question: 'a b c' } });
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void decodeChallenge(s)));
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.nat(1e6),
        fc.nat(100),
        fc.string({ maxLength: 200 }),
        (t, p, e, q) => {
          const ch = { target: +t.toFixed(6) || 0.5, maxParams: p, maxEpochs: e, question: q };
          const d = decodeChallenge(encodeChallenge(ch));
          expect(d.ok).toBe(true);
          if (d.ok) expect(d.challenge).toMatchObject({ target: ch.target, maxParams: p, maxEpochs: e });
        },
      ),
    );
  });
});

describe("lessons' closing challenges", () => {
  it('are valid challenges their own network can meet within the parameter limit', async () => {
    const { LESSONS } = await import('./lessons');
    const { inferNetwork } = await import('./shapes');
    const { challengeProblem } = await import('./challenge');
    const withChallenge = LESSONS.filter((l) => l.challenge);
    expect(withChallenge.length).toBeGreaterThanOrEqual(2);
    for (const l of withChallenge) {
      const c = { ...l.challenge!, question: 'q' };
      expect(challengeProblem(c), l.id).toBeNull();
      if (c.maxParams > 0) expect(inferNetwork(l.network).totalParams, l.id).toBeLessThanOrEqual(c.maxParams);
    }
  });
});
