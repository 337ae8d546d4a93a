// A 2D map of a layer's outputs (issue: "the hidden layer's map"): principal component analysis of n points of
// d values, by power iteration with deflation. Narrow layers go through the d × d covariance; wide ones (a
// convolution's output, d up to tens of thousands) through the n × n Gram matrix of the centred points, which has
// the same non-zero eigenvalues (X Xᵀ u = λ u gives the component Xᵀ u / √λ and the coordinate √λ · u). Axes keep
// their orientation from frame to frame: each is flipped when that makes the points move less from the last map.
// Pure and dependency-free, so a worker and a unit test run the same code.

/**
 * The two leading components: for each point its coordinates (n × 2, row-major), the variance along each, and the
 * coordinates of the `extra` points (m × 2), placed on the same axes without shaping them.
 */
export type PcaMap = { coords: Float64Array; variance: [number, number]; extra: Float64Array };

/** Up to this many values per point go through the covariance (d × d); wider layers through the Gram matrix. */
export const COVARIANCE_MAX_D = 512;
const ITERATIONS = 200;
const TOLERANCE = 1e-10;

/** The leading eigenvector and eigenvalue of the symmetric m × m matrix `a` with the vectors in `done` removed. */
function leading(a: Float64Array, m: number, done: Float64Array[]): { v: Float64Array; value: number } {
  let v = new Float64Array(m);
  // A fixed, non-degenerate start: the same map for the same points, every time.
  for (let i = 0; i < m; i++) v[i] = 1 + ((i * 7919) % 13) / 13;
  const project = (x: Float64Array) => {
    for (const u of done) {
      let dot = 0;
      for (let i = 0; i < m; i++) dot += x[i] * u[i];
      for (let i = 0; i < m; i++) x[i] -= dot * u[i];
    }
  };
  const normalise = (x: Float64Array) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += x[i] * x[i];
    const norm = Math.sqrt(s);
    if (norm > 0) for (let i = 0; i < m; i++) x[i] /= norm;
    return norm;
  };
  project(v);
  normalise(v);
  let value = 0;
  for (let it = 0; it < ITERATIONS; it++) {
    const w = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      let s = 0;
      const row = i * m;
      for (let j = 0; j < m; j++) s += a[row + j] * v[j];
      w[i] = s;
    }
    project(w);
    const next = normalise(w);
    let change = 0;
    for (let i = 0; i < m; i++) change = Math.max(change, Math.abs(w[i] - v[i]));
    v = w;
    // 1e-7 per coordinate is far below a pixel of the map; tighter only spent iterations.
    const converged = Math.abs(next - value) <= TOLERANCE * Math.max(1, next) && change < 1e-7;
    value = next;
    if (converged) break;
  }
  return { v, value };
}

/**
 * The PCA map of `points` (n × d, row-major). `previous` (the last frame's coords for the same points) keeps the
 * axes' orientation. Fewer than 2 points, or points that do not vary, map to 0. `covariance`: the points' d × d
 * covariance (centred, divided by n − 1) when the caller has it already (the worker computes it on the tfjs
 * backend, ~20× faster than this loop for 2,000 × 128); used only on the covariance path.
 */
export function pcaMap(
  points: ArrayLike<number>,
  n: number,
  d: number,
  previous?: ArrayLike<number> | null,
  extraPoints: ArrayLike<number> = [],
  covariance?: ArrayLike<number>,
): PcaMap {
  const coords = new Float64Array(n * 2);
  const m = Math.floor(extraPoints.length / Math.max(1, d));
  const extra = new Float64Array(m * 2);
  if (n < 2 || d < 1) return { coords, variance: [0, 0], extra };
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += points[i * d + j] / n;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = points[i * d + j] - mean[j];
  const e = new Float64Array(m * d);
  for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) e[i * d + j] = extraPoints[i * d + j] - mean[j];
  const variance: [number, number] = [0, 0];
  if (d <= COVARIANCE_MAX_D) {
    const given = covariance !== undefined && covariance.length === d * d;
    const cov = given ? Float64Array.from(covariance) : new Float64Array(d * d);
    if (!given) {
      for (let i = 0; i < n; i++) {
        const row = i * d;
        for (let a = 0; a < d; a++) {
          const xa = x[row + a];
          if (xa === 0) continue;
          for (let b = a; b < d; b++) cov[a * d + b] += xa * x[row + b];
        }
      }
      for (let a = 0; a < d; a++)
        for (let b = a; b < d; b++) {
          cov[a * d + b] /= n - 1;
          cov[b * d + a] = cov[a * d + b];
        }
    }
    const done: Float64Array[] = [];
    for (let k = 0; k < 2 && k < d; k++) {
      const { v, value } = leading(cov, d, done);
      done.push(v);
      variance[k] = value;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] * v[j];
        coords[i * 2 + k] = s;
      }
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += e[i * d + j] * v[j];
        extra[i * 2 + k] = s;
      }
    }
  } else {
    const gram = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let k = i; k < n; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += x[i * d + j] * x[k * d + j];
        gram[i * n + k] = s;
        gram[k * n + i] = s;
      }
    const done: Float64Array[] = [];
    for (let k = 0; k < 2 && k < n; k++) {
      const { v, value } = leading(gram, n, done);
      done.push(v);
      variance[k] = value / (n - 1);
      const scale = Math.sqrt(Math.max(0, value));
      for (let i = 0; i < n; i++) coords[i * 2 + k] = scale * v[i];
      // The component is Xᵀu / √λ, so an extra point's coordinate is Σᵢ uᵢ (xᵢ · e) / √λ.
      if (scale > 0)
        for (let q = 0; q < m; q++) {
          let s = 0;
          for (let i = 0; i < n; i++) {
            let dot = 0;
            for (let j = 0; j < d; j++) dot += x[i * d + j] * e[q * d + j];
            s += v[i] * dot;
          }
          extra[q * 2 + k] = s / scale;
        }
    }
  }
  if (previous && previous.length === n * 2)
    for (let k = 0; k < 2; k++) {
      let agree = 0;
      for (let i = 0; i < n; i++) agree += coords[i * 2 + k] * previous[i * 2 + k];
      if (agree < 0) {
        for (let i = 0; i < n; i++) coords[i * 2 + k] = -coords[i * 2 + k];
        for (let i = 0; i < m; i++) extra[i * 2 + k] = -extra[i * 2 + k];
      }
    }
  return { coords, variance, extra };
}
