// One zustand store of slices holding serialisable data only. Components select one value at a time.
// The worker client writes training data here at most 2.5 times a second (store/actions.ts).
import { create } from 'zustand';
import type { Language } from '../i18n/languages';
import type { CheckRow, LearningStep, StepStage } from '../model/learningStep';
import type { Msg } from '../model/msg';
import { presetById, DEFAULT_PRESET, type PresetId } from '../model/presets';
import type { NetworkSpec } from '../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../model/training';
import type { SweepAxis, SweepBudget, SweepOrder, SweepValue } from '../model/sweep';
import type { BatchPoint, Bins, EpochSummary, LayerHistogram, WorkerState } from '../protocol/fromWorker';
import type { BackendChoice, BackendName } from '../protocol/toWorker';
import type { RunRecord } from './runs';
import type { Part } from '../features/experiment';
import type { MyDigit } from '../data/myDigits';
import type { SaliencyMethod } from '../protocol/requests';
import { emptyBoard, emptyChallenge, type BoardSlice, type ChallengeSlice } from './classSlices';
export * from './classSlices';

/** An epoch's results as the worker reports them (protocol/fromWorker.ts), kept for the charts and runs. */
export type EpochResult = EpochSummary;

/** Longest batch series kept; beyond it every other point is dropped (charts show ≤ a few hundred). */
export const MAX_SERIES = 4000;

export type StatusSlice = {
  state: WorkerState;
  backend: BackendName | null;
  availableBackends: BackendName[];
  backendNote: Msg | null;
  error: Msg | null;
  canRetryData: boolean;
  /** 0-100 while the dataset downloads. */
  dataProgress: number;
  epoch: number;
  batch: number;
  batchInEpoch: number;
  batchesPerEpoch: number;
  examplesPerSecond: number;
  /** Learning rate in use (after the schedule). */
  learningRate: number;
  /** Share of training time the insights cost (0-1). */
  insightShare: number;
};

/** A vertical marker on the charts: what changed, and after which batch. */
export type ChartMarker = { batch: number; label: Msg; kind: 'change' | 'diverged' };

export type MetricsSlice = {
  series: BatchPoint[];
  markers: ChartMarker[];
  epochs: EpochResult[];
  histograms: LayerHistogram[];
  histogramEpoch: number;
};

/** One moment of a layer's distributions, for the strips over time. */
export type HistogramSnap = { batch: number; weights: Bins; grads: Bins | null };
/** Snapshots kept per layer for the strips (about one per second). */
export const MAX_SNAPS = 80;

/** Plain-array versions of the worker's typed arrays, so the store stays serialisable. */
export type WeightPictures = {
  layer: number;
  name: string;
  kind: 'dense' | 'conv';
  side: number;
  count: number;
  values: number[];
};
export type Activation = { layer: number; name: string; shape: number[]; values: number[] };
export type CellItem = { index: number; pixels: number[]; probs: number[] };
export type Cell = { actual: number; predicted: number; total: number; items: CellItem[] };

export type InsightSlice = {
  /** confusion[actual * 10 + predicted] after the last epoch, or null before the first. */
  confusion: number[] | null;
  confusionEpoch: number;
  /** History per spec-layer index. */
  snaps: Record<number, HistogramSnap[]>;
  weightPictures: WeightPictures[];
  cell: Cell | null;
};

export const emptyInsight: InsightSlice = {
  confusion: null,
  confusionEpoch: 0,
  snaps: {},
  weightPictures: [],
  cell: null,
};

export type ConfigSlice = {
  /** 'custom' once the network differs from every preset. */
  presetId: PresetId | 'custom';
  network: NetworkSpec;
  train: TrainConfig;
  backendChoice: BackendChoice;
};

export type DrawSlice = {
  /** 784 values in [0,1] fed to the model, or null when the pad is empty. */
  input: number[] | null;
  probs: number[] | null;
  /** Every layer's output for the drawn digit. */
  activations: Activation[];
  /**
   * An image put on the pad in place of a drawing (784 floats in [0, 1], fed to the model as they are): a test
   * digit, or a perturbed drawing from "Why did it say that?". A new array each time it is put there.
   */
  shown: number[] | null;
};

export type UiSlice = {
  /** A one-off message, e.g. that a shared link could not be read. */
  notice: Msg | null;
  /** Large type and high contrast for a projector. */
  presenter: boolean;
  language: Language;
  /** Parts of the page the link hides, or shows but locks (a focused exercise). */
  hidden: Part[];
  locked: Part[];
  /** Opened from a link that hides or locks parts: the exercise builder stays out of the students' way. */
  exerciseView: boolean;
  /** The service worker has stored the app: it loads without a network from now on. */
  offlineReady: boolean;
  /** A newer version of the app is installed and waits for the person to reload (never automatic). */
  updateReady: boolean;
  /** The first-run guide is shown (FirstRunGuide.tsx); `guideInLink`: the link asks for it (`guide=1`). */
  guideOpen: boolean;
  guideInLink: boolean;
  /** The batch counter when the session was last saved, downloaded or opened: leaving with more is a loss. */
  savedBatch: number;
};

/** My digits (data/myDigits.ts): the set, its version (bumped on every change) and the last epoch's readings. */
export type MineSlice = {
  items: MyDigit[];
  version: number;
  /** The digit each item was read as after epoch `evalEpoch`, for set `evalVersion`; null before any. */
  predicted: number[] | null;
  evalVersion: number;
  evalEpoch: number;
};

export const emptyMine: MineSlice = { items: [], version: 0, predicted: null, evalVersion: -1, evalEpoch: 0 };

/** Recorded training runs (store/runs.ts), newest first; `currentId` is the one training now. */
export type RunsSlice = { list: RunRecord[]; currentId: string | null; overlay: string[] };

/** The sweep (Compare…): its plan, one recorded run per combination (`runIds[i]`), and how far it is. */
export type SweepSlice = {
  state: 'idle' | 'running' | 'paused' | 'done' | 'cancelled';
  axes: SweepAxis[];
  budget: SweepBudget;
  order: SweepOrder;
  runIds: string[];
  runValues: SweepValue[][];
  /** Per run: share of its budget done (0-1), and whether it finished (budget reached or diverged). */
  progress: number[];
  done: boolean[];
  /** The run that last had a turn; null before the first. */
  current: number | null;
  /** Wall-clock ms (Date.now) when the sweep started and the sweep's training seconds so far, for the ETA. */
  startedAt: number;
  /** Why it stopped early, if it did. */
  message: Msg | null;
};

export const idleSweep: SweepSlice = {
  state: 'idle',
  axes: [],
  budget: { kind: 'epochs', value: 1 },
  order: 'interleaved',
  runIds: [],
  runValues: [],
  progress: [],
  done: [],
  current: null,
  startedAt: 0,
  message: null,
};

/** The learning-step view (components/step): what it shows and the step the worker computed for it. */
export type LearningStepSlice = {
  open: boolean;
  stage: StepStage;
  source: 'drawing' | 'test-image';
  /** The true label the student gives the drawing (0-9). */
  label: number;
  /** η typed for this step; null follows the training's current rate. */
  lr: number | null;
  result: LearningStep | null;
  busy: boolean;
  error: Msg | null;
  check: CheckRow[] | null;
  /** Training batch at which the step was applied to the live model; null while only shown. */
  appliedAt: number | null;
};

export const closedLearningStep: LearningStepSlice = {
  open: false,
  stage: 'forward',
  source: 'test-image',
  label: 0,
  lr: null,
  result: null,
  busy: false,
  error: null,
  check: null,
  appliedAt: null,
};

/** One reading of an input: the 10 probabilities and the digit read. */
export type Reading = { probs: number[]; predicted: number };

/** "Why did it say that?" (features/why): saliency, the adversarial search and the hidden layer's map. */
export type WhySlice = {
  open: boolean;
  /** The class explained; null follows the prediction. `versus`: explain cls minus this class; null: cls alone. */
  cls: number | null;
  versus: number | null;
  method: SaliencyMethod;
  /** Per pixel (784) the signed value, for the input and class it was computed for. */
  saliency: { values: number[]; cls: number; versus: number | null; method: SaliencyMethod; reading: Reading } | null;
  attackTarget: number;
  /** The largest change per pixel allowed, 0-1 ink units (L∞). */
  epsilon: number;
  attackStatus: 'idle' | 'searching' | 'found' | 'not-found';
  /** The search's input and its result: the changed input, the largest change used, before and after. */
  attack: { input: number[]; pixels: number[]; change: number; before: Reading; after: Reading } | null;
  /** The layer mapped; null: the last hidden one. */
  mapLayer: number | null;
  mapMethod: 'pca' | 'umap';
  map: MapFrame | null;
  /** The UMAP fit: its state, progress 0-1, and its picture of the map frame it was made from. */
  umap: {
    state: 'idle' | 'fitting' | 'done' | 'failed';
    progress: number;
    coords: number[];
    self: number[] | null;
    epoch: number;
    /** The 5-NN measure among the UMAP picture's points. */
    knn: number;
  };
  /** The 5-NN measure of the PCA map after each epoch (the first map made once it ended), per layer. */
  knnHistory: { epoch: number; layer: number; knn: number }[];
  /** The last failure and the view it belongs to (that view's next success clears it). */
  error: { part: WhyPart; text: Msg } | null;
};

export type WhyPart = 'saliency' | 'attack' | 'map';

/** One PCA frame of the hidden map (protocol's HiddenMap, as plain arrays; the images stay in the feature). */
export type MapFrame = {
  layer: number;
  width: number;
  used: number;
  epoch: number;
  batch: number;
  indices: number[];
  labels: number[];
  coords: number[];
  self: number[] | null;
  knn: number;
  ms: number;
};

export const closedWhy: WhySlice = {
  open: false,
  cls: null,
  versus: null,
  method: 'gradient',
  saliency: null,
  attackTarget: 0,
  epsilon: 0.3,
  attackStatus: 'idle',
  attack: null,
  mapLayer: null,
  mapMethod: 'pca',
  map: null,
  umap: { state: 'idle', progress: 0, coords: [], self: null, epoch: 0, knn: 0 },
  knnHistory: [],
  error: null,
};

export type AppState = {
  status: StatusSlice;
  metrics: MetricsSlice;
  config: ConfigSlice;
  draw: DrawSlice;
  ui: UiSlice;
  insight: InsightSlice;
  runs: RunsSlice;
  sweep: SweepSlice;
  learningStep: LearningStepSlice;
  mine: MineSlice;
  why: WhySlice;
  challenge: ChallengeSlice;
  board: BoardSlice;
};

export const initialStatus: StatusSlice = {
  state: 'loading',
  backend: null,
  availableBackends: [],
  backendNote: null,
  error: null,
  canRetryData: false,
  dataProgress: 0,
  epoch: 0,
  batch: 0,
  batchInEpoch: 0,
  batchesPerEpoch: 0,
  examplesPerSecond: 0,
  learningRate: DEFAULT_CONFIG.learningRate,
  insightShare: 0,
};

export const emptyMetrics: MetricsSlice = { series: [], markers: [], epochs: [], histograms: [], histogramEpoch: 0 };

export const useStore = create<AppState>()(() => ({
  status: initialStatus,
  metrics: emptyMetrics,
  config: {
    presetId: DEFAULT_PRESET,
    network: presetById(DEFAULT_PRESET).network,
    train: DEFAULT_CONFIG,
    backendChoice: 'auto',
  },
  draw: { input: null, probs: null, activations: [], shown: null },
  ui: {
    notice: null,
    presenter: false,
    language: 'en',
    hidden: [],
    locked: [],
    exerciseView: false,
    offlineReady: false,
    updateReady: false,
    guideOpen: false,
    guideInLink: false,
    savedBatch: 0,
  },
  insight: emptyInsight,
  runs: { list: [], currentId: null, overlay: [] },
  sweep: idleSweep,
  learningStep: closedLearningStep,
  mine: emptyMine,
  why: closedWhy,
  challenge: emptyChallenge,
  board: emptyBoard,
}));

/** Appends batch points, halving the resolution when the series grows past MAX_SERIES. */
export function appendSeries(series: BatchPoint[], points: BatchPoint[]): BatchPoint[] {
  let out = series.concat(points);
  while (out.length > MAX_SERIES) out = out.filter((_, i) => i % 2 === 1 || i === out.length - 1);
  return out;
}

/** Adds the latest histograms to each layer's history, keeping the last MAX_SNAPS. */
export function appendSnaps(
  snaps: Record<number, HistogramSnap[]>,
  batch: number,
  layers: LayerHistogram[],
): Record<number, HistogramSnap[]> {
  const out: Record<number, HistogramSnap[]> = {};
  for (const l of layers) {
    const prev = snaps[l.layer] ?? [];
    const last = prev[prev.length - 1];
    const snap = { batch, weights: { min: l.min, max: l.max, counts: l.counts }, grads: l.grads };
    out[l.layer] = (last && last.batch === batch ? prev.slice(0, -1) : prev).concat(snap).slice(-MAX_SNAPS);
  }
  return out;
}
