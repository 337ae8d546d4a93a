// The learning-step view's requests: open it on an image, compute again with another rate, label or image, run
// the finite-difference check, apply the step. Results land in the store's `learningStep` slice; refusals as
// a Msg.
import type { StepSource, StepStage, WeightRef } from '../../model/learningStep';
import { msg } from '../../model/msg';
import { closedLearningStep, useStore } from '../../store/store';
import { patch } from '../../store/actions';
import { failureText, getClient } from '../../client';
import { selectPredictedDigit } from '../../store/selectors';

/** A step on a big CNN reads back every layer's maps and gradients; give it longer than a plain request. */
const STEP_TIMEOUT_MS = 60_000;

/** The rate this step uses: the one typed in the view, else the training's current one. */
export const learningStepRate = () => {
  const s = useStore.getState();
  return s.learningStep.lr ?? s.config.train.learningRate;
};

/**
 * Computes the step for the view's settings. `fresh` copies the live weights again; `test` picks another test
 * image ('random', 'misread'); otherwise the test image stays the one shown.
 */
export async function computeLearningStep(fresh: boolean, test?: 'random' | 'misread' | number): Promise<void> {
  const s = useStore.getState();
  let source: StepSource;
  if (s.learningStep.source === 'drawing') {
    if (!s.draw.input) return patch('learningStep', { error: msg('step.drawFirst'), result: null, check: null });
    source = { kind: 'drawing', pixels: Float32Array.from(s.draw.input), label: s.learningStep.label };
  } else source = { kind: 'test', index: test ?? s.learningStep.result?.testIndex ?? 'random' };
  const learningRate = learningStepRate();
  if (!(learningRate > 0) || !Number.isFinite(learningRate))
    return patch('learningStep', { error: msg('step.badRate') });
  patch('learningStep', { busy: true, error: null });
  try {
    const step = await getClient().request('learningStepOpen', { source, learningRate, fresh }, STEP_TIMEOUT_MS);
    patch('learningStep', { result: step, check: null, appliedAt: null, busy: false });
  } catch (e) {
    patch('learningStep', { busy: false, error: failureText(e) });
  }
}

/**
 * Opens the view (source and image as asked: a random or misread test image, or test image number `test`) on a
 * fresh copy of the weights, at the forward stage.
 */
export function openLearningStep(
  source: 'drawing' | 'test-image' = useStore.getState().learningStep.source,
  test?: 'random' | 'misread' | number,
) {
  const s = useStore.getState();
  const predicted = selectPredictedDigit(s);
  const label = source === 'drawing' && predicted >= 0 ? predicted : s.learningStep.label;
  patch('learningStep', { ...closedLearningStep, open: true, source, label, lr: s.learningStep.lr });
  return computeLearningStep(true, source === 'test-image' ? (test ?? 'random') : undefined);
}

export const closeLearningStep = () => patch('learningStep', { open: false });

/** Finite differences for `weights` (none: the worker picks a handful). */
export async function checkLearningStep(weights: WeightRef[] = []): Promise<void> {
  patch('learningStep', { busy: true, error: null });
  try {
    const rows = await getClient().request('learningStepCheck', { weights }, STEP_TIMEOUT_MS);
    patch('learningStep', { check: rows, busy: false });
  } catch (e) {
    patch('learningStep', { busy: false, error: failureText(e) });
  }
}

/** Adds the step's ΔW to the model that trains. */
export async function applyLearningStep(): Promise<void> {
  patch('learningStep', { busy: true, error: null });
  try {
    const r = await getClient().request('learningStepApply', {});
    patch('learningStep', { appliedAt: r.batch, busy: false });
  } catch (e) {
    patch('learningStep', { busy: false, error: failureText(e) });
  }
}

/** Shows stage `stage` of the view (forward, backward, update, check). */
export const goToStage = (stage: StepStage) => patch('learningStep', { stage });

/** Computes the step on the drawing or on a test image; the shown result is cleared until it is computed again. */
export const chooseStepSource = (source: 'drawing' | 'test-image') => patch('learningStep', { source, result: null });

/** The true label the student gives the drawing (0-9). */
export const setStepLabel = (label: number) => patch('learningStep', { label });

/** η for this step; null follows the training's current rate. */
export const setStepRate = (lr: number | null) => patch('learningStep', { lr });
