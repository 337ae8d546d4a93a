// The UMAP worker's messages (issue #30: UMAP "in a worker of its own, so training and the page go on while it
// fits"). One table each way, as for the training worker; the unions and guards derive from them.
import { isObject, passes, spec, type UnionOf } from './table';

/** Largest map the UMAP worker accepts: the hidden map's 2,000 points of up to 512 values (model/hiddenMap.ts). */
export const UMAP_MAX_POINTS = 5000;
export const UMAP_MAX_D = 1024;

const isSelf = (self: unknown, d: number) => self === null || (self instanceof Float32Array && self.length === d);

export const UMAP_REQUESTS = {
  /** Fit `points` (n × d, row-major) into 2D with `seed`; place `self` (d values) on the result. */
  fit: spec<{ id: number; n: number; d: number; points: Float32Array; self: Float32Array | null; seed: number }>(
    (m) =>
      Number.isSafeInteger(m.id) &&
      Number.isInteger(m.n) &&
      m.n >= 2 &&
      m.n <= UMAP_MAX_POINTS &&
      Number.isInteger(m.d) &&
      m.d >= 1 &&
      m.d <= UMAP_MAX_D &&
      m.points instanceof Float32Array &&
      m.points.length === m.n * m.d &&
      isSelf(m.self, m.d) &&
      Number.isInteger(m.seed),
  ),
};

export const UMAP_REPLIES = {
  /** Fit `id` has run `epoch` of its `epochs` optimisation epochs. */
  progress: spec<{ id: number; epoch: number; epochs: number }>(),
  /** Fit `id` is done: the points' places (n × 2) and the drawing's (2 values) or null. */
  done: spec<{ id: number; coords: Float32Array; self: Float32Array | null }>(
    (m) => m.coords instanceof Float32Array && (m.self === null || m.self instanceof Float32Array),
  ),
  /** Fit `id` failed; `detail` is the library's message. */
  failed: spec<{ id: number; detail: string }>((m) => typeof m.detail === 'string'),
};

export type UmapRequest = UnionOf<typeof UMAP_REQUESTS>;
export type UmapReply = UnionOf<typeof UMAP_REPLIES>;

export const isUmapRequest = (x: unknown): x is UmapRequest => passes(UMAP_REQUESTS, x);
export const isUmapReply = (x: unknown): x is UmapReply =>
  passes(UMAP_REPLIES, x) && isObject(x) && Number.isSafeInteger(x.id);
