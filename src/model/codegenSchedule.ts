// The learning-rate schedule in the exported code, per training step as the playground applies it
// (model/training.ts scheduledRate): warm-up, then constant, halving every STEP_EPOCHS epochs, or a cosine to
// COSINE_FLOOR of the peak. Only numbers from the decoded config are written, through `numberLiteral`.
import { numberLiteral as n } from './codegenText';
import { COSINE_FLOOR, cosineHorizon, STEP_EPOCHS, type TrainConfig } from './training';

/** True when the rate changes during training (otherwise both programs pass the plain number). */
export const hasSchedule = (c: TrainConfig) => c.schedule !== 'constant' || c.warmup > 0;

/** What the schedule does, in one line, for both programs' comments. */
function describe(c: TrainConfig): string {
  const parts = [];
  if (c.warmup > 0) parts.push(`linear warm-up over the first ${n(c.warmup)} steps`);
  if (c.schedule === 'step') parts.push(`halved every ${n(STEP_EPOCHS)} epochs`);
  if (c.schedule === 'cosine')
    parts.push(`cosine decay over ${n(cosineHorizon(c))} epochs to ${n(COSINE_FLOOR)} of the peak, then held`);
  return `peak ${n(c.learningRate)}, ${parts.join(', ')}`;
}

/** Python lines that define `lr` (a number or a schedule object) once `steps_per_epoch` exists. */
export function pyRate(c: TrainConfig): string[] {
  if (!hasSchedule(c)) return [`lr = ${n(c.learningRate)}`];
  const decay =
    c.schedule === 'constant'
      ? '1.0'
      : c.schedule === 'step'
        ? `0.5 ** tf.floor(epochs / ${n(STEP_EPOCHS)})`
        : `${n(COSINE_FLOOR)} + ${n(1 - COSINE_FLOOR)} * 0.5 * (1.0 + tf.cos(math.pi * tf.minimum(1.0, epochs / ${n(cosineHorizon(c))})))`;
  return [
    'import math',
    '',
    '',
    'class PlaygroundRate(tf.keras.optimizers.schedules.LearningRateSchedule):',
    `    # The playground's learning rate per step: ${describe(c)}.`,
    '    def __call__(self, step):',
    '        step = tf.cast(step, tf.float32) + 1.0  # the playground counts steps from 1',
    '        epochs = (step - 1.0) / steps_per_epoch',
    `        warm = ${c.warmup > 0 ? `tf.minimum(1.0, step / ${n(c.warmup)})` : '1.0'}`,
    `        return ${n(c.learningRate)} * warm * (${decay})`,
    '',
    '    def get_config(self):',
    '        return {}',
    '',
    '',
    'lr = PlaygroundRate()',
  ];
}

/** TensorFlow.js: a function of the step and the steps per epoch, and the fit callback that applies it. */
export function jsRate(c: TrainConfig): { helper: string; callbacks: string } | null {
  if (!hasSchedule(c)) return null;
  const decay =
    c.schedule === 'constant'
      ? '1'
      : c.schedule === 'step'
        ? `Math.pow(0.5, Math.floor(epochs / ${n(STEP_EPOCHS)}))`
        : `${n(COSINE_FLOOR)} + ${n(1 - COSINE_FLOOR)} * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, epochs / ${n(cosineHorizon(c))})))`;
  const helper = `// The playground's learning rate for step \`step\` (1-based): ${describe(c)}.
export function rateAt(step, stepsPerEpoch) {
  const epochs = (step - 1) / stepsPerEpoch;
  const warm = ${c.warmup > 0 ? `Math.min(1, step / ${n(c.warmup)})` : '1'};
  return ${n(c.learningRate)} * warm * (${decay});
}

// SGD and momentum keep the rate in a tensor (setLearningRate); Adam and RMSProp read the field at each step.
function setRate(optimizer, lr) {
  if (typeof optimizer.setLearningRate === 'function') optimizer.setLearningRate(lr);
  else optimizer.learningRate = lr;
}
`;
  return {
    helper,
    callbacks: ', callbacks: { onBatchBegin: () => setRate(model.optimizer, rateAt(++step, stepsPerEpoch)) }',
  };
}
