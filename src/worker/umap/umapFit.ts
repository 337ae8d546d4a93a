// UMAP of the hidden map's points with umap-js (a well-kept port of McInnes et al.'s UMAP), seeded so the same
// points give the same picture. Kept apart from umap.worker.ts so a unit test runs it without a Worker.
import { UMAP } from 'umap-js';
import { mulberry32 } from '../../model/prng';

/** 15 neighbours and min_dist 0.1 are UMAP's defaults; 200 epochs suit a few thousand points (umap-js picks 500). */
const N_NEIGHBORS = 15;
const MIN_DIST = 0.1;
const EPOCHS = 200;

const rows = (values: Float32Array, n: number, d: number) =>
  Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * d, (i + 1) * d)));

/**
 * 2D places (n × 2) for `points` (n × d), and for `self` (d values), which is fitted as one more point: umap-js's
 * `transform` for new points never returned here (a loop in its neighbour search; PAIR-code/umap-js#42 reports the
 * same), and one point among thousands barely moves the others. `onEpoch` is told each optimisation epoch (a fit
 * pauses between them, so progress can be posted).
 */
export async function umapFit(
  points: Float32Array,
  n: number,
  d: number,
  self: Float32Array | null,
  seed: number,
  onEpoch: (epoch: number, epochs: number) => void = () => {},
): Promise<{ coords: Float32Array; self: Float32Array | null }> {
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(N_NEIGHBORS, n - 1),
    minDist: MIN_DIST,
    nEpochs: EPOCHS,
    random: mulberry32(seed),
  });
  const data = rows(points, n, d);
  if (self) data.push(Array.from(self));
  const embedding = await umap.fitAsync(data, (epoch) => onEpoch(epoch, EPOCHS));
  const coords = Float32Array.from(embedding.slice(0, n).flat());
  return { coords, self: self ? Float32Array.from(embedding[n]) : null };
}
