// How the learning-step view prints numbers: 4 significant digits, scientific below 1e-3 (gradients get tiny),
// and the same in TeX for KaTeX.

/** 4 significant digits; 1.234e-5 style for tiny and huge values; "0" for exact zero. */
export function fmt(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

/** fmt() as TeX: 1.234\times10^{-5}; negative numbers in parentheses when `paren` (inside a product). */
export function tex(v: number, paren = false): string {
  const s = fmt(v);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  const body = m ? `${m[1]}\\times10^{${Number(m[2])}}` : s;
  return paren && v < 0 ? `(${body})` : body;
}

/** Largest |value|, at least `floor` (a colour scale must not divide by 0). */
export const maxAbs = (values: ArrayLike<number>, floor = 1e-12) => {
  let m = floor;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
};

/** Index of the largest |value|. */
export const argMaxAbs = (values: ArrayLike<number>) => {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i]) > Math.abs(values[best])) best = i;
  return best;
};

/** Channel c of an [h, w, channels] array, row-major. */
export function channel(values: ArrayLike<number>, shape: number[], c: number): number[] {
  const [h, w, ch] = shape;
  return Array.from({ length: h * w }, (_, i) => values[i * ch + c]);
}

/** Class labels under 10 bars. */
export const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));
