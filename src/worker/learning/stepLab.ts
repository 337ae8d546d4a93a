// The learning-step view's side of the worker: a copy of the weights taken when the view opens (training may go
// on meanwhile), the last step computed on it, the finite-difference check of that step's gradients, and
// "apply this step", which adds the step's ΔW to the live model.
import { numericSlope, relativeError } from '../../model/forward64';
import {
  topIndices,
  weightLayout,
  type CheckRow,
  type LearningStep,
  type StepSource,
  type WeightRef,
} from '../../model/learningStep';
import { msg } from '../../model/msg';
import type { NetworkSpec } from '../../model/spec';
import { mulberry32 } from '../../model/prng';
import type { Mnist } from '../data/dataset';
import { Refused } from '../refused';
import { findMisread, learningStep } from './learningStep';

/** A refusal the page shows as it is (the Msg's key says why). */
export class StepRefused extends Refused {}

type Copy = { network: NetworkSpec; weights: Float32Array[]; batch: number };
type Last = { image: Float32Array; label: number; grads: (Float32Array | null)[]; deltas: (Float32Array | null)[] };

/** How many weights the check picks by itself. */
const AUTO_CHECK = 10;

export class StepLab {
  private copy: Copy | null = null;
  private last: Last | null = null;

  /** Takes a fresh copy of the model (when `fresh`, or none yet, or the network changed) and computes the step. */
  async open(
    live: { network: NetworkSpec; batch: number; exportWeights: () => Promise<Float32Array[]> },
    data: Mnist,
    source: StepSource,
    lr: number,
    fresh: boolean,
  ): Promise<LearningStep> {
    if (!(lr > 0) || !Number.isFinite(lr)) throw new StepRefused(msg('step.badRate'));
    if (fresh || !this.copy || JSON.stringify(this.copy.network) !== JSON.stringify(live.network))
      this.copy = { network: live.network, weights: await live.exportWeights(), batch: live.batch };
    const c = this.copy;
    let image: Float32Array, label: number, testIndex: number | null;
    if (source.kind === 'drawing') {
      if (source.pixels.length !== 784 || !(source.label >= 0 && source.label <= 9))
        throw new StepRefused(msg('step.badDrawing'));
      image = source.pixels;
      label = source.label;
      testIndex = null;
    } else {
      const n = data.testLabels.length;
      const random = Math.floor(Math.random() * n);
      testIndex =
        source.index === 'random'
          ? random
          : source.index === 'misread'
            ? ((await findMisread(c.network, c.weights, data.testPixels, data.testLabels, random)) ?? random)
            : Math.max(0, Math.min(n - 1, Math.floor(source.index)));
      image = Float32Array.from(data.testPixels.subarray(testIndex * 784, (testIndex + 1) * 784), (v) => v / 255);
      label = data.testLabels[testIndex];
    }
    const r = await learningStep(c.network, c.weights, image, label, lr, { testIndex, copiedAtBatch: c.batch });
    this.last = { image, label, grads: r.grads, deltas: r.deltas };
    return r.step;
  }

  /**
   * Backprop's ∂L/∂w next to the float64 central difference for each weight in `refs`; with none, the weight with
   * the largest |∂L/∂w| of each layer and random ones with a non-zero gradient, AUTO_CHECK in all.
   */
  check(refs: WeightRef[]): CheckRow[] {
    const c = this.copy;
    const l = this.last;
    if (!c || !l) throw new StepRefused(msg('step.notOpen'));
    const layout = weightLayout(c.network);
    const at = (r: WeightRef) => layout.own[r.layer]?.[r.array] ?? -1;
    const valid = refs.filter((r) => r.array < 2 && at(r) >= 0 && l.grads[at(r)]);
    const picked = refs.length ? valid : this.autoPick(layout);
    return picked.slice(0, 40).map((r) => {
      const k = at(r);
      const index = Math.max(0, Math.min(c.weights[k].length - 1, Math.floor(r.index)));
      const backprop = l.grads[k]![index];
      const { slope, epsilon, kink } = numericSlope(c.network, c.weights, l.image, l.label, k, index);
      return { ...r, index, backprop, numeric: slope, epsilon, relError: relativeError(backprop, slope), kink };
    });
  }

  private autoPick(layout: ReturnType<typeof weightLayout>): WeightRef[] {
    const l = this.last!;
    const out: WeightRef[] = [];
    const rand = mulberry32(l.label * 7919 + 17);
    const layers = layout.own.flatMap((own, layer) => (own.length ? [{ layer, own }] : []));
    for (const { layer, own } of layers) out.push({ layer, array: 0, index: topIndices(l.grads[own[0]]!, 1)[0] });
    for (let tries = 0; out.length < AUTO_CHECK && tries < 1000; tries++) {
      const { layer, own } = layers[Math.floor(rand() * layers.length)];
      const array = rand() < 0.8 ? 0 : 1;
      const g = l.grads[own[array]]!;
      const index = Math.floor(rand() * g.length);
      if (g[index] !== 0 && !out.some((r) => r.layer === layer && r.array === array && r.index === index))
        out.push({ layer, array, index });
    }
    return out;
  }

  /** The last step's ΔW, to add to the live model (which must still be the copied network). */
  deltasFor(network: NetworkSpec): (Float32Array | null)[] {
    if (!this.copy || !this.last) throw new StepRefused(msg('step.notOpen'));
    if (JSON.stringify(this.copy.network) !== JSON.stringify(network))
      throw new StepRefused(msg('step.networkChanged'));
    return this.last.deltas;
  }
}
