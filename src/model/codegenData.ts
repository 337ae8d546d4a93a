// The data lab's experiments in the exported code: a digit left out or thinned, a planted confusion and label
// noise, applied to the training labels in the playground's order (removal, then the confusion, then noise).
// numpy and Math.random draw other images than the playground's seeded streams: the same shares, not the same
// images. What the exports cannot carry is said in a comment: the class's own digits (they stay in the browser)
// and the changed test set. Only numbers from the decoded config reach the text (codegen.ts says why).
import { numberLiteral as n } from './codegenText';
import { parsePlant, TEST_SHIFTS, type TrainConfig } from './training';

const hasLabelExperiments = (c: TrainConfig) => c.removeDigit >= 0 || parsePlant(c.plant) !== null || c.labelNoise > 0;

/** Comments on what the playground did that the script does not (empty when nothing). */
function notCarried(c: TrainConfig, comment: string): string[] {
  const out: string[] = [];
  if (c.trainWithMine)
    out.push(
      `${comment} The playground also mixed the class's own digits into training (1 in 8 examples); they stay in the browser.`,
    );
  if (c.testShift !== 'none')
    out.push(
      `${comment} The playground also tested on the test images changed ("${TEST_SHIFTS.find((s) => s === c.testShift)}" by ${n(c.testShiftAmount)}); not reproduced here.`,
    );
  return out;
}

/** Python lines after x_train / y_train are loaded (numpy as np). */
export function pyDataLab(c: TrainConfig): string[] {
  const out = notCarried(c, '#');
  if (!hasLabelExperiments(c)) return out;
  out.push(
    "# Data experiments (the playground's rules; numpy draws other images than its seeded streams).",
    `rng = np.random.default_rng(${n(c.seed)})`,
    'y_train = y_train.copy()',
  );
  if (c.removeDigit >= 0) {
    out.push(
      `# Digit ${n(c.removeDigit)}: only a share of ${n(c.digitKeep)} of its training images kept.`,
      `d = np.flatnonzero(y_train == ${n(c.removeDigit)})`,
      `keep = np.ones(len(y_train), dtype=bool)`,
      `keep[d[rng.permutation(len(d))[round(${n(c.digitKeep)} * len(d)):]]] = False`,
      'x_train, y_train = x_train[keep], y_train[keep]',
    );
  }
  const plant = parsePlant(c.plant);
  if (plant)
    out.push(
      `# Planted confusion: a share of ${n(plant.share)} of the ${n(plant.from)}s labelled ${n(plant.to)}.`,
      `d = np.flatnonzero(y_train == ${n(plant.from)})`,
      `y_train[d[rng.permutation(len(d))[: round(${n(plant.share)} * len(d))]]] = ${n(plant.to)}`,
    );
  if (c.labelNoise > 0)
    out.push(
      `# Label noise: a share of ${n(c.labelNoise)} of the labels replaced by another digit at random.`,
      `i = rng.permutation(len(y_train))[: round(${n(c.labelNoise)} * len(y_train))]`,
      'y_train[i] = (y_train[i] + rng.integers(1, 10, len(i))) % 10',
    );
  return out;
}

/** JavaScript: a `dataLab(xTrain, yTrain)` helper (one-hot labels in and out) and its call, or none. */
export function jsDataLab(c: TrainConfig): { helper: string; call: string } {
  const notes = notCarried(c, '//');
  const head = notes.length ? `\n${notes.join('\n')}\n` : '';
  if (!hasLabelExperiments(c)) return { helper: head, call: '' };
  const plant = parsePlant(c.plant);
  const lines = [
    '  const labels = Array.from(tf.tidy(() => yTrain.argMax(-1)).dataSync());',
    '  let kept = labels.map((_, i) => i);',
  ];
  if (c.removeDigit >= 0)
    lines.push(
      `  // Digit ${n(c.removeDigit)}: only a share of ${n(c.digitKeep)} of its training images kept.`,
      `  const digit = shuffled(kept.filter((i) => labels[i] === ${n(c.removeDigit)}));`,
      `  const dropped = new Set(digit.slice(Math.round(${n(c.digitKeep)} * digit.length)));`,
      '  kept = kept.filter((i) => !dropped.has(i));',
    );
  if (plant)
    lines.push(
      `  // Planted confusion: a share of ${n(plant.share)} of the ${n(plant.from)}s labelled ${n(plant.to)}.`,
      `  const from = shuffled(kept.filter((i) => labels[i] === ${n(plant.from)}));`,
      `  for (const i of from.slice(0, Math.round(${n(plant.share)} * from.length))) labels[i] = ${n(plant.to)};`,
    );
  if (c.labelNoise > 0)
    lines.push(
      `  // Label noise: a share of ${n(c.labelNoise)} of the labels replaced by another digit at random.`,
      `  for (const i of shuffled(kept.slice()).slice(0, Math.round(${n(c.labelNoise)} * kept.length)))`,
      '    labels[i] = (labels[i] + 1 + Math.floor(Math.random() * 9)) % 10;',
    );
  return {
    helper: `${head}
// Data experiments (the playground's rules; Math.random draws other images than its seeded streams).
function shuffled(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function dataLab(xTrain, yTrain) {
${lines.join('\n')}
  return tf.tidy(() => {
    const idx = tf.tensor1d(kept, 'int32');
    return [tf.gather(xTrain, idx), tf.oneHot(tf.tensor1d(kept.map((i) => labels[i]), 'int32'), 10).toFloat()];
  });
}
`,
    call: '\n  [xTrain, yTrain] = dataLab(xTrain, yTrain);',
  };
}
