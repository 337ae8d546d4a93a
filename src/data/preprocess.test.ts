import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, rgbaChannel, toMnistInput, type Gray } from './preprocess';

function blank(w = 280, h = 280): Gray {
  return { width: w, height: h, data: new Float32Array(w * h) };
}
function rect(img: Gray, x0: number, y0: number, x1: number, y1: number, v = 1) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.data[y * img.width + x] = v;
}
const asGray = (a: Float32Array): Gray => ({ width: 28, height: 28, data: a });

describe('toMnistInput', () => {
  it('returns null for an empty pad', () => {
    expect(toMnistInput(blank())).toBeNull();
  });

  it('centres and scales a small stroke drawn in a corner', () => {
    const img = blank();
    rect(img, 5, 8, 25, 48); // a 20×40 block in the top-left corner
    const out = toMnistInput(img)!;
    expect(out).toHaveLength(784);
    const box = inkBounds(asGray(out))!;
    expect(box.y1 - box.y0).toBe(20); // the longer side becomes 20 px
    expect(box.x1 - box.x0).toBe(10); // aspect ratio kept
    const com = centreOfMass(asGray(out))!;
    expect(Math.abs(com.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });

  it('puts the centre of mass, not the box centre, at the centre', () => {
    const img = blank();
    rect(img, 100, 100, 150, 200); // heavy left block
    rect(img, 150, 145, 200, 155); // thin line to the right: mass is left of the box centre
    const out = toMnistInput(img)!;
    const com = centreOfMass(asGray(out))!;
    expect(Math.abs(com.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 13.5)).toBeLessThanOrEqual(0.5);
    const box = inkBounds(asGray(out))!;
    expect(box.x0 + box.x1).toBeGreaterThan(28); // the box itself sits right of centre
  });

  it('keeps all ink inside the field when centring would push it out', () => {
    const img = blank();
    rect(img, 100, 100, 200, 120); // heavy top bar
    rect(img, 100, 120, 110, 200); // thin stem: the centre of mass is near the top-left
    const out = toMnistInput(img)!;
    const box = inkBounds(asGray(out))!;
    expect(box.y1 - box.y0).toBe(20);
    expect(box.x1 - box.x0).toBe(20);
  });

  it('anti-aliases: a round blob gets partial intensities at its edge', () => {
    const img = blank();
    for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) if ((x - 140) ** 2 + (y - 140) ** 2 < 97 ** 2) img.data[y * 280 + x] = 1;
    const out = toMnistInput(img)!;
    const partial = Array.from(out).filter((v) => v > 0 && v < 1);
    expect(partial.length).toBeGreaterThan(0);
  });
});

describe('rgbaChannel', () => {
  it('reads the chosen channel as 0-1 intensity', () => {
    const rgba = new Uint8ClampedArray([0, 0, 0, 255, 9, 9, 9, 0]);
    expect(Array.from(rgbaChannel(rgba, 2, 1, 3).data)).toEqual([1, 0]);
  });
});
