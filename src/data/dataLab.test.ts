// The training-data experiments: exact shares, the same draw for the same seed, and counts per digit.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../model/training';
import { sameData, trainingView, type DataChoice } from './dataLab';

/** 6,000 labels, 600 of each digit, in a repeating 0-9 pattern. */
const labels = Uint8Array.from({ length: 6000 }, (_, i) => i % 10);
const plain: DataChoice = { ...DEFAULT_CONFIG };
const count = (v: { indices: Int32Array }, l: Uint8Array, d: number) =>
  Array.from(v.indices).filter((i) => l[i] === d).length;

describe('trainingView', () => {
  it('keeps every image and label when nothing is asked', () => {
    const v = trainingView(labels, plain);
    expect(v.indices.length).toBe(6000);
    expect(v.changed).toBe(0);
    expect(Array.from(v.labels)).toEqual(Array.from(labels));
  });

  it('replaces exactly the asked share of labels, each with a different digit, the same for the same seed', () => {
    for (const rate of [0.1, 0.35, 0.8]) {
      const v = trainingView(labels, { ...plain, labelNoise: rate });
      expect(v.changed).toBe(Math.round(rate * 6000));
      const again = trainingView(labels, { ...plain, labelNoise: rate });
      expect(Array.from(again.labels)).toEqual(Array.from(v.labels));
      const other = trainingView(labels, { ...plain, labelNoise: rate, seed: 7 });
      expect(Array.from(other.labels)).not.toEqual(Array.from(v.labels));
    }
    // The wrong labels spread over the other nine digits.
    const v = trainingView(labels, { ...plain, labelNoise: 0.5 });
    const wrongAs = new Array(10).fill(0);
    for (let i = 0; i < 6000; i++) if (v.labels[i] !== labels[i]) wrongAs[v.labels[i]]++;
    for (const n of wrongAs) expect(n).toBeGreaterThan(200);
  });

  it('removes a digit, or keeps the asked share of it', () => {
    const gone = trainingView(labels, { ...plain, removeDigit: 3, digitKeep: 0 });
    expect(count(gone, labels, 3)).toBe(0);
    expect(gone.indices.length).toBe(5400);
    for (const d of [0, 1, 2, 4, 9]) expect(count(gone, labels, d)).toBe(600);
    const tenth = trainingView(labels, { ...plain, removeDigit: 7, digitKeep: 0.1 });
    expect(count(tenth, labels, 7)).toBe(60);
    expect(tenth.indices.length).toBe(5460);
    expect(Array.from(tenth.indices)).toEqual([...tenth.indices].sort((a, b) => a - b));
  });

  it('plants one confusion on the asked share of one digit', () => {
    const v = trainingView(labels, { ...plain, plant: '7>1:0.3' });
    let relabelled = 0;
    for (let i = 0; i < 6000; i++) {
      if (v.labels[i] !== labels[i]) {
        expect([labels[i], v.labels[i]]).toEqual([7, 1]);
        relabelled++;
      }
    }
    expect(relabelled).toBe(180);
  });

  it('applies the training-set size first', () => {
    const v = trainingView(labels, { ...plain, trainSize: 1000, removeDigit: 0, labelNoise: 0.2 });
    expect(v.indices.length).toBe(900);
    expect(Math.max(...v.indices)).toBeLessThan(1000);
    expect(v.changed).toBe(180);
  });

  it('tells when two choices give the same data', () => {
    expect(sameData(plain, { ...plain, digitKeep: 0.5 })).toBe(true); // no digit chosen: the share means nothing
    expect(sameData(plain, { ...plain, labelNoise: 0.1 })).toBe(false);
  });
});
