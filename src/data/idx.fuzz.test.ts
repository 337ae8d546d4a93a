// Fuzzing of the IDX decoders (the MNIST files, possibly damaged in a cache or by a proxy): every input gives
// images and labels whose sizes agree with the header, or a clear error; never a throw or an out-of-range label.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundFor, FUZZ_RUNS, timed } from '../testing/fuzz';
import { encodeIdx, parseIdxImages, parseIdxLabels } from './idx';

const damaged = (valid: Uint8Array) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 4000 }),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, patch]) => {
      const b = valid.slice();
      b.set(patch.subarray(0, b.length - (at % b.length)), at % b.length);
      return b;
    }),
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc.uint8Array({ minLength: 1, maxLength: 50 }).map((extra) => new Uint8Array([...valid, ...extra])),
  );

describe('fuzzing the IDX decoders', () => {
  const images = encodeIdx(
    'images',
    3,
    Uint8Array.from({ length: 3 * 784 }, (_, i) => i % 256),
  );
  const labels = encodeIdx(
    'labels',
    20,
    Uint8Array.from({ length: 20 }, (_, i) => i % 10),
  );

  it(`survives ${FUZZ_RUNS} damaged image files`, () => {
    fc.assert(
      fc.property(damaged(images), (bytes) => {
        const { value: r, ms } = timed(() => parseIdxImages(bytes, 'images'));
        expect(ms).toBeLessThan(boundFor(''));
        if (!r.ok) {
          expect(r.error).toMatch(/^images: /);
          return;
        }
        expect(r.value.pixels.length).toBe(r.value.count * 784);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it(`survives ${FUZZ_RUNS} damaged label files`, () => {
    fc.assert(
      fc.property(damaged(labels), (bytes) => {
        const { value: r, ms } = timed(() => parseIdxLabels(bytes, 'labels'));
        expect(ms).toBeLessThan(boundFor(''));
        if (!r.ok) {
          expect(r.error).toMatch(/^labels: /);
          return;
        }
        expect(r.value.labels.length).toBe(r.value.count);
        expect(r.value.labels.every((l) => l <= 9)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('refuses a header that claims four billion images without allocating them', () => {
    const b = images.slice();
    new DataView(b.buffer).setUint32(4, 0xffffffff);
    const r = parseIdxImages(b, 'images');
    expect(!r.ok && r.error).toMatch(/truncated/);
  });
});
