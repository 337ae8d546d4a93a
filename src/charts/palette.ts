// Colour-blind-safe colour maps: viridis for amounts, blue–white–orange (Okabe–Ito hues) for signed values.

const VIRIDIS: [number, number, number][] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [109, 205, 89],
  [180, 222, 44],
  [253, 231, 37],
];

function lerp(stops: [number, number, number][], t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i],
    b = stops[i + 1];
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/** t in [0,1] → RGB. */
export const viridis = (t: number) => lerp(VIRIDIS, t);

/** t in [-1,1]: negative blue (#0072b2), zero white, positive orange (#e69f00). */
export function diverging(t: number): [number, number, number] {
  const c = Math.min(1, Math.max(-1, t));
  const end = c < 0 ? [0, 114, 178] : [230, 159, 0];
  const k = Math.abs(c);
  return [255 + (end[0] - 255) * k, 255 + (end[1] - 255) * k, 255 + (end[2] - 255) * k];
}

export const css = ([r, g, b]: [number, number, number]) => `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;

/** Okabe–Ito hues (colour-blind safe) for overlaid runs: not the live run's blue nor the test series' orange. */
export const RUN_COLORS = ['#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000', '#f0e442'] as const;

/** One hue per digit 0-9 (Tableau 10) for the hidden map; each point also carries its digit in the hover card. */
export const DIGIT_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const;
