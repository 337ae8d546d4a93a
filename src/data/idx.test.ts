import { describe, expect, it } from 'vitest';
import { encodeIdx, parseIdxImages, parseIdxLabels } from './idx';

const images = (n: number) =>
  encodeIdx(
    'images',
    n,
    new Uint8Array(n * 784).map((_, i) => i % 256),
  );
const labels = (n: number) =>
  encodeIdx(
    'labels',
    n,
    new Uint8Array(n).map((_, i) => i % 10),
  );

describe('parseIdxImages', () => {
  it('decodes a good file and keeps pixels as bytes', () => {
    const r = parseIdxImages(images(3), 'x', 3);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ count: 3, rows: 28, cols: 28 });
    expect(r.value.pixels).toBeInstanceOf(Uint8Array);
    expect(r.value.pixels.length).toBe(3 * 784);
    expect(r.value.pixels[785]).toBe(785 % 256);
  });

  it('reports a truncated file with the byte counts', () => {
    const r = parseIdxImages(images(3).subarray(0, 16 + 784 * 2 + 5), 'train-images');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/train-images: file is truncated \(1589 of 2368 bytes\)/),
    });
  });

  it('rejects a wrong magic number, e.g. a label file given as images', () => {
    const r = parseIdxImages(labels(20), 'train-images');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/not an IDX image file \(magic number 2049, expected 2051\)/);
  });

  it('rejects a header shorter than 16 bytes, a wrong count and trailing bytes', () => {
    expect(parseIdxImages(new Uint8Array(10)).ok).toBe(false);
    const wrongCount = parseIdxImages(images(2), 'x', 60000);
    expect(!wrongCount.ok && wrongCount.error).toMatch(/holds 2 images, expected 60000/);
    const extra = new Uint8Array(images(1).length + 3);
    extra.set(images(1));
    expect(parseIdxImages(extra).ok).toBe(false);
  });

  it('rejects images that are not 28x28', () => {
    const bytes = images(1);
    new DataView(bytes.buffer).setUint32(8, 32);
    const r = parseIdxImages(bytes);
    expect(!r.ok && r.error).toMatch(/32×28, expected 28×28/);
  });
});

describe('parseIdxLabels', () => {
  it('decodes a good file', () => {
    const r = parseIdxLabels(labels(12), 'y', 12);
    expect(r.ok && Array.from(r.value.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  });

  it('reports truncation, wrong magic and labels that are not digits', () => {
    expect(parseIdxLabels(labels(12).subarray(0, 15)).ok).toBe(false);
    const magic = parseIdxLabels(images(1));
    expect(!magic.ok && magic.error).toMatch(/magic number 2051, expected 2049/);
    const bad = labels(3);
    bad[9] = 42;
    const r = parseIdxLabels(bad, 'test-labels');
    expect(!r.ok && r.error).toMatch(/test-labels: label 1 is 42/);
  });
});
