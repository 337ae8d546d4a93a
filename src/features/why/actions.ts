// "Why did it say that?": the named actions of the view. Each asks the training worker on its live weights (or the
// UMAP worker) and writes the `why` slice. Requests of one kind never overlap: a refresh asked for while one runs
// is made once it ends, with the state of that moment.
import { failureText, getClient, getUmapClient } from '../../client';
import { defaultMapLayer, mapLayers } from '../../model/hiddenMap';
import type { WhyExample } from '../../model/lessons';
import { argMax } from '../../model/argMax';
import { knnAccuracy } from '../../model/knnAccuracy';
import { msg } from '../../model/msg';
import type { HiddenMap, SaliencyMethod } from '../../protocol/requests';
import { patch } from '../../store/actions';
import { selectPredictedDigit } from '../../store/selectors';
import { closedWhy, useStore, type MapFrame, type Reading, type WhyPart } from '../../store/store';

/** An attack on a CNN takes hundreds of gradient steps; a map of a wide layer reads 2,000 images. */
const LONG_MS = 120_000;

/** Records why `part` failed. */
const failed = (part: WhyPart, e: unknown) => patch('why', { error: { part, text: failureText(e) } });
/** `part` worked: its old failure, if that is the one shown, goes. */
const worked = (part: WhyPart) => (useStore.getState().why.error?.part === part ? { error: null } : {});
const reading = (probs: ArrayLike<number>): Reading => ({ probs: Array.from(probs), predicted: argMax(probs) });

/**
 * The map's test images (n × 784 bytes, in the map's point order), for the hover card. Not state (nothing renders
 * from it): a lookup table fetched once, as the sample of test images never changes.
 */
let mapImages: Uint8Array | null = null;
export const mapImage = (point: number) => mapImages?.subarray(point * 784, point * 784 + 784) ?? null;

/** Runs `task` now, or once more after the one running ends (never two at once, never more than one waiting). */
function serial(task: () => Promise<void>) {
  let running = false,
    again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await task();
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      }
    }
  };
  return run;
}

const drawing = () => {
  const input = useStore.getState().draw.input;
  return input ? Float32Array.from(input) : null;
};

/** The saliency of the pad's input for the class chosen (or the prediction). */
export const refreshSaliency = serial(async () => {
  const s = useStore.getState();
  const pixels = drawing();
  if (!s.why.open) return;
  if (!pixels) return patch('why', { saliency: null });
  const predicted = selectPredictedDigit(s);
  const cls = s.why.cls ?? Math.max(0, predicted);
  const versus = s.why.versus === cls ? null : s.why.versus;
  const method = s.why.method;
  try {
    const r = await getClient().request('explain', { pixels, cls, versus, method }, LONG_MS);
    patch('why', {
      saliency: { values: Array.from(r.values), cls, versus, method, reading: reading(r.probs) },
      ...worked('saliency'),
    });
  } catch (e) {
    failed('saliency', e);
  }
});

/** The layer the map shows now: the one picked, else the last hidden one (-1: the network has none). */
export function mappedLayer(
  network = useStore.getState().config.network,
  picked = useStore.getState().why.mapLayer,
): number {
  return picked !== null && mapLayers(network).some((l) => l.index === picked) ? picked : defaultMapLayer(network);
}

function frameOf(r: HiddenMap): MapFrame {
  return {
    layer: r.layer,
    width: r.width,
    used: r.used,
    epoch: r.epoch,
    batch: r.batch,
    indices: Array.from(r.indices),
    labels: Array.from(r.labels),
    coords: Array.from(r.coords),
    self: r.self ? Array.from(r.self) : null,
    knn: r.knn,
    ms: r.ms,
  };
}

let madeAt = -Infinity;
/** When the last map arrived (performance.now() ms), for the refresh's spacing. */
export const mapMadeAt = () => madeAt;

/** A new PCA frame of the map (and, the first time after an epoch ends, its 5-NN measure for that epoch). */
export const refreshMap = serial(async () => {
  const s = useStore.getState();
  if (!s.why.open) return;
  const layer = mappedLayer();
  if (layer < 0) return patch('why', { map: null });
  try {
    const r = await getClient().request(
      'hiddenMap',
      { layer, self: drawing(), points: false, pixels: mapImages === null },
      LONG_MS,
    );
    if (r.pixels) mapImages = r.pixels;
    madeAt = performance.now();
    const history = useStore.getState().why.knnHistory;
    // Training was reset (or another network trains): the measures of the old run no longer belong.
    const kept = history.length && history[history.length - 1].epoch > r.epoch ? [] : history;
    const known = kept.some((h) => h.epoch === r.epoch && h.layer === r.layer);
    const knnHistory = r.epoch > 0 && !known ? [...kept, { epoch: r.epoch, layer: r.layer, knn: r.knn }] : kept;
    patch('why', { map: frameOf(r), knnHistory, ...worked('map') });
  } catch (e) {
    failed('map', e);
  }
});

/** Fits UMAP to the layer's values now, in the UMAP worker; the map shows it once done. */
export async function fitUmap(): Promise<void> {
  const s = useStore.getState();
  const layer = mappedLayer();
  if (layer < 0) return;
  patch('why', { mapMethod: 'umap', umap: { ...closedWhy.umap, state: 'fitting' } });
  try {
    const r = await getClient().request('hiddenMap', { layer, self: drawing(), points: true, pixels: false }, LONG_MS);
    let shown = 0;
    const fit = await getUmapClient().fit(
      { n: r.labels.length, d: r.used, points: r.points!, self: r.selfPoint, seed: s.config.train.seed },
      (progress) => {
        // A store write per 5% is enough for the bar.
        if (progress - shown < 0.05) return;
        shown = progress;
        patch('why', { umap: { ...useStore.getState().why.umap, progress } });
      },
    );
    patch('why', {
      map: frameOf(r),
      umap: {
        state: 'done',
        progress: 1,
        coords: Array.from(fit.coords),
        self: fit.self ? Array.from(fit.self) : null,
        epoch: r.epoch,
        knn: knnAccuracy(fit.coords, r.labels),
      },
    });
  } catch (e) {
    if (e instanceof Error && e.message === 'cancelled') return;
    patch('why', {
      umap: { ...closedWhy.umap, state: 'failed' },
      error: { part: 'map', text: msg('why.umapFailed', { detail: String(e) }) },
    });
  }
}

/** Back to the PCA map (a UMAP fit still running is ended). */
export function showPca() {
  getUmapClient().cancel();
  patch('why', { mapMethod: 'pca', umap: closedWhy.umap });
  void refreshMap();
}

/** The searched-for perturbation of the pad's input towards `attackTarget` within `epsilon`. */
export async function runAttack(): Promise<void> {
  const s = useStore.getState();
  const pixels = drawing();
  if (!pixels || !(s.why.epsilon > 0 && s.why.epsilon <= 1)) return;
  const input = Array.from(pixels);
  patch('why', { attackStatus: 'searching', attack: null, ...worked('attack') });
  try {
    const r = await getClient().request(
      'attack',
      { pixels, target: s.why.attackTarget, epsilon: s.why.epsilon },
      LONG_MS,
    );
    patch('why', {
      attackStatus: r.found ? 'found' : 'not-found',
      attack: {
        input,
        pixels: Array.from(r.pixels),
        change: r.change,
        before: reading(r.before),
        after: reading(r.probs),
      },
    });
  } catch (e) {
    patch('why', { attackStatus: 'idle' });
    failed('attack', e);
  }
}

/**
 * Puts the perturbed input on the pad as it is (no crop or re-render that would undo the change), so the class
 * reads the network's answer themselves. The pad's `shown` image is the draw feature's; this is its one writer
 * outside it (importing the draw feature here would make a cycle: the pad shows this view's button).
 */
export function attackAsInput() {
  const a = useStore.getState().why.attack;
  if (a) patch('draw', { shown: a.pixels.slice() });
}

/** A lesson's example: its test image on the pad, the view's settings, the view open. */
export async function openWhyOn(e: WhyExample): Promise<void> {
  try {
    const sample = await getClient().request('getSample', { index: e.testIndex });
    if (sample.index < 0) return;
    patch('draw', { shown: Array.from(sample.pixels, (v) => v / 255) });
  } catch (err) {
    patch('why', { open: true });
    return failed('saliency', err);
  }
  patch('why', {
    cls: null,
    versus: e.versus ?? null,
    attackTarget: e.target ?? 0,
    epsilon: e.epsilon ?? closedWhy.epsilon,
    attackStatus: 'idle',
    attack: null,
  });
  openWhy();
}

export function openWhy() {
  patch('why', { open: true, error: null });
  void refreshSaliency();
  void refreshMap();
}

export function closeWhy() {
  getUmapClient().cancel();
  patch('why', { open: false, umap: closedWhy.umap, mapMethod: 'pca' });
}

/** The class explained (0-9), or null to follow the prediction. */
export function setWhyClass(cls: number | null) {
  patch('why', { cls });
  void refreshSaliency();
}

/** Explain `cls` minus `versus` ("why 9 and not 4"), or the class alone (null). */
export function setWhyVersus(versus: number | null) {
  patch('why', { versus });
  void refreshSaliency();
}

export function setSaliencyMethod(method: SaliencyMethod) {
  patch('why', { method });
  void refreshSaliency();
}

export const setAttackTarget = (attackTarget: number) => patch('why', { attackTarget });
export const setAttackEpsilon = (epsilon: number) => patch('why', { epsilon });

/** Maps another layer (null: the last hidden one); the measures per epoch start over for it. */
export function setMapLayer(mapLayer: number | null) {
  getUmapClient().cancel();
  patch('why', { mapLayer, map: null, mapMethod: 'pca', umap: closedWhy.umap });
  void refreshMap();
}

/** The network changed: its layers are others, so the map and its measures start over. */
export function networkChanged() {
  getUmapClient().cancel();
  patch('why', { mapLayer: null, map: null, knnHistory: [], mapMethod: 'pca', umap: closedWhy.umap });
  void refreshMap();
  void refreshSaliency();
}
