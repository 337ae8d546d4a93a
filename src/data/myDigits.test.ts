// The my-digits file: what is kept survives download and opening, files merge without duplicates and keep who
// drew each digit, strokes are re-rendered, and hostile files are refused whole with a message (fuzzed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n/english';
import { boundFor, FUZZ_RUNS, mutationOf, textMutationOf, timed, type Json } from '../testing/fuzz';
import {
  decodeDigits,
  decodeDigitsSliced,
  digitsTensorData,
  encodeDigits,
  makeDigit,
  MAX_DIGITS,
  mergeDigits,
  type MyDigit,
} from './myDigits';
import type { Stroke } from './strokes';

/** A "1" and a "7" as a pad would give them (canvas pixels, 280 × 280). */
const one: Stroke[] = [
  [
    [140, 40],
    [141.23, 120],
    [140, 240],
  ],
];
const seven: Stroke[] = [
  [
    [60, 50],
    [220, 50],
    [120, 250],
  ],
];
const fromPixels = (label: number, seed: number): MyDigit =>
  makeDigit(
    label,
    Array.from({ length: 784 }, (_, i) => ((i * seed) % 17) / 16),
    null,
    'alice',
  )!;

const set = (): MyDigit[] => [makeDigit(1, [], one)!, makeDigit(7, [], seven)!, fromPixels(3, 5)];

describe('my digits codec', () => {
  it('round-trips a set: labels, pixels, strokes and sources', () => {
    const digits = set();
    const back = decodeDigits(encodeDigits(digits));
    expect(back).toEqual({ ok: true, digits });
    expect(digits[0].strokes?.[0][1]).toEqual([141.2, 120]);
    expect(digits[0].pixels.some((v) => v > 200)).toBe(true);
  });

  it('re-renders a digit from its strokes and ignores its stored pixels', () => {
    const doc = JSON.parse(encodeDigits(set())) as { digits: { pixels: string }[] };
    doc.digits[0].pixels = btoa(String.fromCharCode(...new Array(784).fill(0)));
    const r = decodeDigits(JSON.stringify(doc));
    expect(r.ok && r.digits[0]).toEqual(set()[0]);
  });

  it('merges files into one set: duplicates dropped, the source of each kept', () => {
    const a = set();
    const fromFile = decodeDigits(
      encodeDigits([makeDigit(1, [], one)!, fromPixels(4, 3)].map((d) => ({ ...d, source: '' }))),
      'bob.json',
    );
    expect(fromFile.ok).toBe(true);
    if (!fromFile.ok) return;
    expect(fromFile.digits.map((d) => d.source)).toEqual(['bob', 'bob']);
    const m = mergeDigits(a, fromFile.digits);
    expect(m.ok && [m.digits.length, m.added, m.duplicates]).toEqual([4, 1, 1]);
    expect(m.ok && m.digits.map((d) => d.source)).toEqual(['', '', 'alice', 'bob']);
  });

  it('refuses a merge past the limit whole', () => {
    const many = Array.from({ length: MAX_DIGITS }, (_, i) => ({ ...fromPixels(i % 10, 1), id: `x${i}` }));
    const m = mergeDigits(many, [fromPixels(2, 9)]);
    expect(m.ok).toBe(false);
    expect(!m.ok && english(m.error)).toMatch(/5,?001.*5,?000/);
  });

  it('gives the worker floats and labels', () => {
    const t = digitsTensorData(set());
    expect(t.pixels.length).toBe(3 * 784);
    expect(Array.from(t.labels)).toEqual([1, 7, 3]);
    expect(Math.max(...t.pixels)).toBeLessThanOrEqual(1);
  });

  it('names what is wrong with a damaged file', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not a my-digits file|JSON/i],
      [JSON.stringify({ format: 'mnist-playground-session' }), /not a my-digits file/i],
      [JSON.stringify({ format: 'mnist-playground-digits', version: 9, digits: [] }), /version/i],
      [
        JSON.stringify({ format: 'mnist-playground-digits', version: 1, digits: [{ label: 12, pixels: '' }] }),
        /digit 1.*label/i,
      ],
      [
        JSON.stringify({
          format: 'mnist-playground-digits',
          version: 1,
          digits: [{ label: 1, strokes: [[[1, 1e300]]] }],
        }),
        /digit 1.*strokes/i,
      ],
      ['x'.repeat(20 * 1024 * 1024 + 1), /20 MB/],
    ];
    for (const [text, why] of cases) {
      const r = decodeDigits(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.error)).toMatch(why);
    }
  });

  it('refuses hostile files whole, never throws, in bounded time (fuzzed)', () => {
    const doc = JSON.parse(encodeDigits(set())) as Json;
    const text = encodeDigits(set());
    fc.assert(
      fc.property(fc.oneof(mutationOf(doc), textMutationOf(text)), (t) => {
        const { value: r, ms } = timed(() => decodeDigits(t));
        expect(ms).toBeLessThan(boundFor(t) + 500); // re-rendering strokes costs a few ms per digit
        if (!r.ok) expect(english(r.error).length).toBeGreaterThan(10);
        else
          for (const d of r.digits) {
            expect(d.pixels.length).toBe(784);
            expect(d.pixels.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
            expect(Number.isInteger(d.label) && d.label >= 0 && d.label <= 9).toBe(true);
            expect(decodeDigits(encodeDigits(r.digits))).toEqual(r);
          }
      }),
      { numRuns: Math.min(FUZZ_RUNS, 500) },
    );
  });
});

describe('the sliced decoder', () => {
  it('gives what the whole decoder gives, pausing after every 100 digits', async () => {
    const many = Array.from({ length: 450 }, (_, i) => fromPixels(i % 10, i + 2));
    const text = encodeDigits(many);
    let pauses = 0;
    const r = await decodeDigitsSliced(text, 'class.json', async () => void pauses++);
    expect(r).toEqual(decodeDigits(text, 'class.json'));
    expect(pauses).toBe(4);
    expect(await decodeDigitsSliced('nope', '', async () => {})).toEqual(decodeDigits('nope'));
  });
});
