// Optimizer construction and live learning-rate changes (the weights and, where possible, state are kept).
import * as tf from '@tensorflow/tfjs';
import type { TrainConfig } from '../../model/training';
import { FusedAdam } from '../kernels/cpu/fusedAdam';

export function makeOptimizer(c: Pick<TrainConfig, 'optimizer' | 'learningRate'>): tf.Optimizer {
  switch (c.optimizer) {
    case 'sgd':
      return tf.train.sgd(c.learningRate);
    case 'momentum':
      return tf.train.momentum(c.learningRate, 0.9);
    case 'adam':
      // tfjs's Adam, except on cpu and software WebGL, where each weight array is updated in one pass (fusedAdam.ts).
      return new FusedAdam(c.learningRate, 0.9, 0.999);
    case 'rmsprop':
      return tf.train.rmsprop(c.learningRate);
  }
}

/** Sets the step size without losing the optimizer's moments. */
export function setRate(optimizer: tf.Optimizer, lr: number) {
  // SGD and momentum cache the rate in a tensor (setLearningRate); Adam and RMSProp read the field per step.
  const opt = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof opt.setLearningRate === 'function') opt.setLearningRate(lr);
  else opt.learningRate = lr;
}
