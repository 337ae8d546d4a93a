import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, type Gray } from './preprocess';

function image(rows: string[]): Gray {
  // '#' = 1, '+' = 0.5, '.' = 0
  const data = new Float32Array(rows.length * rows[0].length);
  rows.forEach((r, y) => [...r].forEach((c, x) => (data[y * r.length + x] = c === '#' ? 1 : c === '+' ? 0.5 : 0)));
  return { width: rows[0].length, height: rows.length, data };
}

describe('inkBounds', () => {
  it('is the inclusive-exclusive box of the ink, null for an empty image', () => {
    expect(inkBounds(image(['....', '.#..', '..+.', '....']))).toEqual({ x0: 1, y0: 1, x1: 3, y1: 3 });
    expect(inkBounds(image(['...', '...']))).toBeNull();
  });

  it('ignores near-black noise', () => {
    const img = image(['....', '.#..', '....']);
    img.data[11] = 0.01;
    expect(inkBounds(img)).toEqual({ x0: 1, y0: 1, x1: 2, y1: 2 });
  });
});

describe('centreOfMass', () => {
  it('weights each pixel by its ink', () => {
    // Mass 1 at (0, 0) and 0.5 at (3, 0): x = (0 + 1.5) / 1.5 = 1.
    expect(centreOfMass(image(['#..+', '....']))).toEqual({ x: 1, y: 0 });
    expect(centreOfMass(image(['.#.', '###', '.#.']))).toEqual({ x: 1, y: 1 });
    expect(centreOfMass(image(['..', '..']))).toBeNull();
  });
});
