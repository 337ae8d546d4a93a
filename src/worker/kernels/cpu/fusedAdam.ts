// Adam in one pass per weight array where tfjs's ~13 element-wise ops per variable cost most: on the plain-JS
// cpu backend, where each op allocates a fresh array (measured in Node for the 784-128-10 MLP at batch 128:
// Multiply, Add and RealDiv ≈ 26 of 118 ms per step), and on software-emulated WebGL (three shader passes,
// webglAdam.ts). Same formula, same state (the moments live in the optimizer's own variables), so switching
// backends mid-training keeps everything; elsewhere it is tfjs's Adam.
import * as tf from '@tensorflow/tfjs';
import { setWebglSoftware } from '../softwareGpu';
import { webglAdamStep } from '../webgl/webglAdam';

type Moment = { originalName: string; variable: tf.Variable };
type AdamState = {
  accumulatedFirstMoment: Moment[];
  accumulatedSecondMoment: Moment[];
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  beta1: number;
  beta2: number;
  epsilon: number;
  learningRate: number;
};

type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class FusedAdam extends tf.AdamOptimizer {
  applyGradients(variableGradients: Gradients) {
    if (tf.getBackend() === 'cpu') return this.applyOnCpu(variableGradients);
    if (tf.getBackend() === 'webgl' && setWebglSoftware.on) return this.applyOnWebgl(variableGradients);
    return super.applyGradients(variableGradients);
  }

  /** The moments of weight `i` (created as zeros on first use, where tfjs's Adam keeps them). */
  private moments(i: number, name: string, value: tf.Variable): [tf.Variable, tf.Variable] {
    const s = this as unknown as AdamState;
    s.accumulatedFirstMoment[i] ??= {
      originalName: `${name}/m`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
    s.accumulatedSecondMoment[i] ??= {
      originalName: `${name}/v`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
    return [s.accumulatedFirstMoment[i].variable, s.accumulatedSecondMoment[i].variable];
  }

  private forEachGradient(
    variableGradients: Gradients,
    f: (i: number, value: tf.Variable, gradient: tf.Tensor, name: string) => void,
  ) {
    const names = Array.isArray(variableGradients)
      ? variableGradients.map((v) => v.name)
      : Object.keys(variableGradients);
    names.forEach((name, i) => {
      const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
      if (gradient) f(i, tf.engine().registeredVariables[name], gradient, name);
    });
  }

  /** tfjs's Adam: accBeta = βᵗ before this step's update, then multiplied by β. */
  private advanceBetas() {
    const s = this as unknown as AdamState;
    tf.tidy(() => {
      s.accBeta1.assign(tf.mul(s.accBeta1, s.beta1));
      s.accBeta2.assign(tf.mul(s.accBeta2, s.beta2));
    });
    this.incrementIterations();
  }

  /** Three shader passes per weight array, the step's scalars kept on the GPU (nothing read back). */
  private applyOnWebgl(variableGradients: Gradients) {
    const s = this as unknown as AdamState;
    const lr = tf.scalar(s.learningRate);
    this.forEachGradient(variableGradients, (i, value, gradient, name) => {
      const [m, v] = this.moments(i, name, value);
      const [w1, m1, v1] = webglAdamStep(
        { w: value, g: gradient, m, v, accBeta1: s.accBeta1, accBeta2: s.accBeta2, lr },
        { beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon },
      );
      value.assign(w1);
      m.assign(m1);
      v.assign(v1);
      tf.dispose([w1, m1, v1]);
    });
    lr.dispose();
    this.advanceBetas();
  }

  private applyOnCpu(variableGradients: Gradients) {
    const s = this as unknown as AdamState;
    const b1 = s.beta1,
      b2 = s.beta2,
      eps = s.epsilon,
      lr = s.learningRate;
    // accBeta = βᵗ before this step's update; corrections divide by (1 − βᵗ).
    const c1 = 1 - (s.accBeta1.dataSync()[0] as number);
    const c2 = 1 - (s.accBeta2.dataSync()[0] as number);
    this.forEachGradient(variableGradients, (i, value, gradient, name) => {
      const [m, v] = this.moments(i, name, value);
      const g = gradient.dataSync() as Float32Array,
        w = value.dataSync() as Float32Array;
      const mo = m.dataSync() as Float32Array,
        vo = v.dataSync() as Float32Array;
      const n = w.length;
      const m1 = new Float32Array(n),
        v1 = new Float32Array(n),
        w1 = new Float32Array(n);
      for (let j = 0; j < n; j++) {
        const gj = g[j];
        const mj = b1 * mo[j] + (1 - b1) * gj;
        const vj = b2 * vo[j] + (1 - b2) * gj * gj;
        m1[j] = mj;
        v1[j] = vj;
        w1[j] = w[j] - (lr * (mj / c1)) / (Math.sqrt(vj / c2) + eps);
      }
      const assign = (target: tf.Variable, values: Float32Array) => {
        const t = tf.tensor(values, target.shape, 'float32');
        target.assign(t);
        t.dispose();
      };
      assign(m, m1);
      assign(v, v1);
      assign(value, w1);
    });
    this.advanceBetas();
  }
}
