import { describe, expect, it } from 'vitest';
import { epochOrder, mulberry32 } from './prng';

describe('seeded shuffling', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = Array.from({ length: 5 }, mulberry32(7));
    expect(Array.from({ length: 5 }, mulberry32(7))).toEqual(a);
    expect(Array.from({ length: 5 }, mulberry32(8))).not.toEqual(a);
  });

  it('gives a permutation per epoch, different across epochs', () => {
    const e0 = epochOrder(1000, 42, 0);
    const e1 = epochOrder(1000, 42, 1);
    expect([...e0].sort((x, y) => x - y)).toEqual([...Array(1000).keys()]);
    expect(Array.from(e0)).toEqual(Array.from(epochOrder(1000, 42, 0)));
    expect(Array.from(e0)).not.toEqual(Array.from(e1));
  });
});
