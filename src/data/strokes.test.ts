/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, type Gray } from './preprocess';
import {
  drawingToInput,
  MNIST_CENTRE,
  renderStrokes,
  smoothStroke,
  STROKE_WIDTH,
  strokeBounds,
  strokesToMnist,
  type Stroke,
} from './strokes';

const asGray = (a: Float32Array, side = 28): Gray => ({ width: side, height: side, data: a });
const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('renderStrokes', () => {
  it('draws a horizontal segment 2 px wide: full pixels along it, quarter discs at the round caps', () => {
    // Path y = 2 from x = 2 to x = 6, width 2: ink covers y in [1, 3] and x in [1, 7] (caps of radius 1).
    const img = renderStrokes(
      [
        [
          [2, 2],
          [6, 2],
        ],
      ],
      8,
      2,
    );
    for (const y of [1, 2]) {
      for (const x of [2, 3, 4, 5]) expect(img[y * 8 + x]).toBe(1);
      // Each cap pixel holds a quarter of a unit disc: π/4 ≈ 0.785 (8×8 sub-samples).
      for (const x of [1, 6]) expect(img[y * 8 + x]).toBeCloseTo(Math.PI / 4, 1);
    }
    for (const y of [0, 3, 4, 5, 6, 7]) for (let x = 0; x < 8; x++) expect(img[y * 8 + x]).toBe(0);
    expect(img[2 * 8 + 0]).toBe(0);
    expect(img[2 * 8 + 7]).toBe(0);
  });

  it('draws a tap (one point) as a dot the width of the pen', () => {
    const img = renderStrokes([[[4, 4]]], 8, 2);
    // A unit disc centred on a pixel corner: a quarter in each of the four pixels around it.
    for (const i of [3 * 8 + 3, 3 * 8 + 4, 4 * 8 + 3, 4 * 8 + 4]) expect(img[i]).toBeCloseTo(Math.PI / 4, 1);
    expect(sum(img)).toBeCloseTo(Math.PI, 0);
  });

  it('skips points that are not finite', () => {
    const img = renderStrokes(
      [
        [
          [2, 2],
          [NaN, 5],
          [6, 2],
          [Infinity, 1],
        ],
      ],
      8,
      2,
    );
    expect(img).toEqual(
      renderStrokes(
        [
          [
            [2, 2],
            [6, 2],
          ],
        ],
        8,
        2,
      ),
    );
  });
});

describe('strokesToMnist', () => {
  it('returns null for no strokes, empty strokes or only broken points', () => {
    expect(strokesToMnist([])).toBeNull();
    expect(strokesToMnist([[], []])).toBeNull();
    expect(strokesToMnist([[[NaN, 1]]])).toBeNull();
  });

  it('fits a vertical bar (a "1") into 20 px, STROKE_WIDTH wide, its centre of mass on MNIST\'s (14, 14)', () => {
    const out = strokesToMnist([
      [
        [500, 100],
        [500, 900],
      ],
    ])!;
    const box = inkBounds(asGray(out))!;
    expect(box.y1 - box.y0).toBe(20);
    expect(box.x1 - box.x0).toBeLessThanOrEqual(Math.ceil(STROKE_WIDTH) + 1);
    // Whole-pixel moves, as MNIST: the centre of mass within half a pixel of (14, 14).
    const com = centreOfMass(asGray(out))!;
    expect(Math.abs(com.x - MNIST_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - MNIST_CENTRE)).toBeLessThanOrEqual(0.5);
    // Ink = a (20 − w) × w rectangle plus two half discs of diameter w (to the 1/8 px sub-sampling).
    const w = STROKE_WIDTH;
    expect(Math.abs(sum(out) - ((20 - w) * w + Math.PI * (w / 2) ** 2))).toBeLessThan(1.5);
  });

  it('draws the same digit the same whatever its size and place on the pad', () => {
    const seven: Stroke[] = [
      [
        [10, 10],
        [60, 10],
        [30, 90],
      ],
      [
        [25, 50],
        [50, 50],
      ],
    ];
    const small = strokesToMnist(seven)!;
    const big = strokesToMnist(seven.map((s) => s.map(([x, y]) => [200 + 3 * x, 20 + 3 * y] as const)))!;
    for (let i = 0; i < 784; i++) expect(big[i]).toBeCloseTo(small[i], 5);
  });

  it('puts the centre of mass, not the box centre, near (14, 14)', () => {
    // A "7" without its bar: the mass sits right of the box centre, so the box moves left.
    const out = strokesToMnist([
      [
        [0, 0],
        [60, 0],
        [50, 100],
      ],
    ])!;
    const com = centreOfMass(asGray(out))!;
    expect(Math.abs(com.x - MNIST_CENTRE)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - MNIST_CENTRE)).toBeLessThanOrEqual(0.5);
    const box = inkBounds(asGray(out))!;
    expect(box.x0 + box.x1).toBeLessThan(28);
  });

  it('keeps an "L" inside the field although its centre of mass cannot reach the centre', () => {
    const out = strokesToMnist([
      [
        [0, 0],
        [0, 100],
        [100, 100],
      ],
    ])!;
    const box = inkBounds(asGray(out))!;
    expect(box).toEqual({ x0: 8, y0: 0, x1: 28, y1: 20 });
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
  });

  it('clamps the shift so a lopsided digit stays inside the 28×28 field', () => {
    // A long bar with a far-off heavy scribble: centring the mass would push the bar out of the field.
    const scribble: Stroke = Array.from({ length: 40 }, (_, i) => [100 + (i % 2) * 4, i * 0.5] as const);
    const out = strokesToMnist([
      [
        [0, 0],
        [0, 2],
      ],
      scribble,
    ])!;
    const box = inkBounds(asGray(out))!;
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.x1).toBeLessThanOrEqual(28);
    expect(sum(out)).toBeGreaterThan(10);
  });

  it('does not blow a single dot up to the whole box', () => {
    const out = strokesToMnist([[[140, 140]]])!;
    expect(sum(out)).toBeCloseTo(Math.PI * (STROKE_WIDTH / 2) ** 2, 0);
  });
});

describe('smoothStroke', () => {
  it('keeps the ends and moves each inner point to the [1, 2, 1] / 4 average', () => {
    expect(
      smoothStroke([
        [0, 0],
        [4, 8],
        [8, 0],
      ]),
    ).toEqual([
      [0, 0],
      [4, 4],
      [8, 0],
    ]);
    const short: Stroke = [
      [1, 1],
      [2, 2],
    ];
    expect(smoothStroke(short)).toBe(short);
  });

  it('leaves a straight, evenly sampled line where it is', () => {
    const line: Stroke = [
      [0, 0],
      [1, 2],
      [2, 4],
      [3, 6],
    ];
    expect(smoothStroke(line)).toEqual(line);
  });
});

describe('strokeBounds and drawingToInput', () => {
  it('bounds the finite points of all strokes', () => {
    expect(
      strokeBounds([
        [
          [3, 4],
          [NaN, 0],
        ],
        [[-1, 9]],
      ]),
    ).toEqual({ x0: -1, y0: 4, x1: 3, y1: 9 });
    expect(strokeBounds([])).toBeNull();
  });

  it('is strokesToMnist of the smoothed strokes', () => {
    const s: Stroke[] = [
      [
        [0, 0],
        [10, 30],
        [20, 0],
        [25, 40],
      ],
    ];
    expect(drawingToInput(s)).toEqual(strokesToMnist(s.map(smoothStroke)));
  });
});

describe('real pen digits (bench/pen-digits-dev.json.gz) against MNIST statistics', () => {
  it("carry MNIST's mean ink, fill the 20 px box and centre their mass like MNIST (measured on its training set)", () => {
    const digits = JSON.parse(
      gunzipSync(readFileSync(new URL('../../bench/pen-digits-dev.json.gz', import.meta.url))).toString(),
    ) as {
      strokes: Stroke[];
    }[];
    let ink = 0,
      cx = 0,
      cy = 0,
      height = 0;
    for (const d of digits) {
      const x = drawingToInput(d.strokes)!;
      ink += sum(x);
      const c = centreOfMass(asGray(x))!;
      cx += c.x;
      cy += c.y;
      const b = inkBounds(asGray(x))!;
      height += Math.max(b.y1 - b.y0, b.x1 - b.x0);
    }
    const n = digits.length;
    // MNIST training set: mean ink 102.4 (sum of pixels, 0-1 scale), centre of mass (14.01, 14.00), longer side 19.7
    // px.
    expect(Math.abs(ink / n - 102.4) / 102.4).toBeLessThan(0.03);
    expect(Math.abs(cx / n - 14.0)).toBeLessThan(0.15);
    expect(Math.abs(cy / n - 14.0)).toBeLessThan(0.15);
    expect(height / n).toBeGreaterThanOrEqual(19.5);
    expect(height / n).toBeLessThanOrEqual(20.5);
  }, 60_000);
});
