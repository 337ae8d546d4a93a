// Experiments on the training data itself: which training images an epoch uses and the labels it learns them
// with. Everything is drawn from the run's seed (its own streams, apart from the shuffles), so a run repeats,
// and computed once per setting, never per step: a batch reads the view's order and labels and costs nothing more.
import { mulberry32, shuffleInPlace } from '../model/prng';
import { parsePlant, type TrainConfig } from '../model/training';

export type DataChoice = Pick<TrainConfig, 'trainSize' | 'labelNoise' | 'plant' | 'removeDigit' | 'digitKeep' | 'seed'>;

export type TrainingView = {
  /** Indices into the training set of the images an epoch uses, ascending. */
  indices: Int32Array;
  /** A label per training image (all 60,000), as trained on: the true one or the experiment's. */
  labels: Uint8Array;
  /** How many of the used images carry a label other than their true one. */
  changed: number;
};

/** Streams apart from the epoch shuffles (prng.ts epochOrder) so the same seed draws independent choices. */
const STREAM = { keep: 0x51ed270b, plant: 0x2f8a5c13, noise: 0x6a09e667 } as const;
const rng = (seed: number, stream: number) => mulberry32((seed ^ stream) >>> 0);

/** `count` of `items` chosen at random (seeded), in their original order. */
function choose(items: number[], count: number, rand: () => number): Set<number> {
  const pool = Int32Array.from(items);
  shuffleInPlace(pool, rand);
  return new Set(pool.subarray(0, count));
}

/**
 * The training images and labels for a data experiment: the first `trainSize` images (all when 0); of
 * `removeDigit` only round(digitKeep · count) kept; then the planted confusion (round(share · count) of the kept
 * `from` images labelled `to`), then uniform label noise: round(labelNoise · kept) images, each given a
 * different digit, drawn uniformly from the other nine (so exactly that share is wrong).
 */
export function trainingView(trueLabels: Uint8Array, c: DataChoice): TrainingView {
  const all = trueLabels.length;
  const n = c.trainSize > 0 ? Math.min(all, c.trainSize) : all;
  const labels = trueLabels.slice();
  let kept: number[] = [];
  if (c.removeDigit >= 0 && c.removeDigit <= 9) {
    const ofDigit: number[] = [];
    for (let i = 0; i < n; i++) (trueLabels[i] === c.removeDigit ? ofDigit : kept).push(i);
    const keep = choose(ofDigit, Math.round(c.digitKeep * ofDigit.length), rng(c.seed, STREAM.keep));
    kept = [];
    for (let i = 0; i < n; i++) if (trueLabels[i] !== c.removeDigit || keep.has(i)) kept.push(i);
  } else for (let i = 0; i < n; i++) kept.push(i);
  const plant = parsePlant(c.plant);
  if (plant) {
    const from = kept.filter((i) => trueLabels[i] === plant.from);
    for (const i of choose(from, Math.round(plant.share * from.length), rng(c.seed, STREAM.plant)))
      labels[i] = plant.to;
  }
  if (c.labelNoise > 0) {
    const rand = rng(c.seed, STREAM.noise);
    for (const i of choose(kept, Math.round(c.labelNoise * kept.length), rand)) {
      const other = Math.floor(rand() * 9);
      labels[i] = other >= trueLabels[i] ? other + 1 : other;
    }
  }
  let changed = 0;
  for (const i of kept) if (labels[i] !== trueLabels[i]) changed++;
  return { indices: Int32Array.from(kept), labels, changed };
}

/** True when the two choices give the same training view (so a live change elsewhere keeps the epoch's place). */
export const sameData = (a: DataChoice, b: DataChoice) =>
  a.trainSize === b.trainSize &&
  a.labelNoise === b.labelNoise &&
  a.plant === b.plant &&
  a.removeDigit === b.removeDigit &&
  (a.removeDigit < 0 || a.digitKeep === b.digitKeep) &&
  a.seed === b.seed;
