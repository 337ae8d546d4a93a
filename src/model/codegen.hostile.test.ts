// Generated code from hostile experiments: every generator's output parses (Python's own `ast` for the Keras
// script, acorn for the TF.js program), every string literal is on the allow-list or is the escaped title, every
// function called is on a fixed list, and the payload never appears outside a string literal. Without python3
// this test fails: .ci/run installs it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import { describe, expect, it } from 'vitest';
import { jsString, kerasScript, numberLiteral, pyString, tfjsProgram } from './codegen';
import { PRESETS } from './presets';
import type { NetworkSpec } from './spec';
import { DEFAULT_CONFIG, type TrainConfig } from './training';

const MARK = 'PWNED';
const CHECKER = fileURLToPath(new URL('../testing/codeCheck.py', import.meta.url));

const PAYLOADS = [
  `relu", name=print("${MARK}") or "x`,
  `relu'), ${MARK}(), ('`,
  `"""\nimport os; os.system("${MARK}")\n"""`,
  `*/ ${MARK}(); /*`,
  `\n${MARK}()\n`,
  `\u2028${MARK}()\u2029`,
  `\${${MARK}()}`,
  `\\"); ${MARK}(); ("`,
  `\r${MARK} = 1`,
];

const hostileNetworks = (): NetworkSpec[] =>
  PAYLOADS.flatMap(
    (p) =>
      [
        {
          layers: [
            { kind: 'flatten' },
            { kind: 'dense', units: 128, activation: p },
            { kind: 'dense', units: 10, activation: 'softmax' },
          ],
        },
        {
          layers: [
            { kind: 'conv2d', filters: 8, kernelSize: 3, stride: 1, padding: p, activation: 'relu' },
            { kind: 'flatten' },
          ],
        },
        {
          layers: [
            { kind: p },
            { kind: 'dropout', rate: `0.2); ${MARK}(` },
            { kind: 'dense', units: `1${MARK}`, activation: 'relu' },
          ],
        },
        {
          layers: [
            { kind: 'activation', activation: p },
            { kind: 'flatten' },
            { kind: 'dense', units: 10, activation: 'softmax' },
          ],
        },
      ] as unknown as NetworkSpec[],
  );

const hostileConfigs = (): TrainConfig[] =>
  PAYLOADS.map(
    (p) =>
      ({
        ...DEFAULT_CONFIG,
        optimizer: p,
        schedule: p,
        augment: p,
        learningRate: `0.1); ${MARK}(`,
        batchSize: p,
        seed: p,
        l2: p,
        trainSize: p,
        epochLimit: p,
      }) as unknown as TrainConfig,
  );

const PY_STRINGS = new Set([
  'Exported from MNIST Playground.\n\nRun: pip install tensorflow && python mnist_playground.py\n',
  'float32',
  'relu',
  'leaky_relu',
  'elu',
  'sigmoid',
  'tanh',
  'softmax',
  'linear',
  'same',
  'valid',
  'constant',
  'sparse_categorical_crossentropy',
  'accuracy',
  'test accuracy:',
]);
const PY_CALLS = new Set([
  'tf.keras.datasets.mnist.load_data',
  'np.random.default_rng',
  'y_train.copy',
  'np.flatnonzero',
  'np.ones',
  'rng.permutation',
  'rng.integers',
  '<expr>.astype',
  'tf.keras.utils.set_random_seed',
  'tf.keras.Sequential',
  'tf.keras.Input',
  'tf.keras.layers.Dense',
  'tf.keras.layers.Conv2D',
  'tf.keras.layers.MaxPooling2D',
  'tf.keras.layers.AveragePooling2D',
  'tf.keras.layers.Flatten',
  'tf.keras.layers.Dropout',
  'tf.keras.layers.BatchNormalization',
  'tf.keras.layers.Activation',
  'tf.keras.layers.RandomTranslation',
  'tf.keras.layers.RandomRotation',
  'tf.keras.layers.RandomZoom',
  'tf.keras.regularizers.L2',
  'PlaygroundRate',
  'tf.cast',
  'tf.minimum',
  'tf.floor',
  'tf.cos',
  'tf.keras.optimizers.SGD',
  'tf.keras.optimizers.Adam',
  'tf.keras.optimizers.RMSprop',
  'len',
  'model.compile',
  'model.summary',
  'model.fit',
  'model.evaluate',
  'print',
  'round',
]);
const JS_STRINGS = new Set([
  '@tensorflow/tfjs',
  'int32',
  'relu',
  'elu',
  'sigmoid',
  'tanh',
  'softmax',
  'linear',
  'same',
  'valid',
  'categoricalCrossentropy',
  'accuracy',
  'bilinear',
  'constant',
  'function',
]);
const JS_CALLS = new Set([
  'tf.sequential',
  'dataLab',
  'shuffled',
  'Array.from',
  '<expr>.dataSync',
  'yTrain.argMax',
  'labels.map',
  'kept.filter',
  'kept.slice',
  'digit.slice',
  'dropped.has',
  'from.slice',
  '<expr>.slice',
  'Math.round',
  'tf.tensor1d',
  'tf.gather',
  'tf.oneHot',
  '<expr>.toFloat',
  'kept.map',
  'tf.layers.dense',
  'tf.layers.conv2d',
  'tf.layers.maxPooling2d',
  'tf.layers.averagePooling2d',
  'tf.layers.flatten',
  'tf.layers.dropout',
  'tf.layers.batchNormalization',
  'tf.layers.activation',
  'tf.layers.leakyReLU',
  'tf.regularizers.l2',
  'tf.train.sgd',
  'tf.train.momentum',
  'tf.train.adam',
  'tf.train.rmsprop',
  'model.compile',
  'model.fit',
  'buildModel',
  'augment',
  'xAug.dispose',
  'Math.random',
  'Math.cos',
  'Math.sin',
  'maps.push',
  'tf.tidy',
  'tf.image.transform',
  'tf.tensor2d',
  'xTrain.slice',
  'yTrain.slice',
  'u',
  'rateAt',
  'setRate',
  'optimizer.setLearningRate',
  'Math.min',
  'Math.pow',
  'Math.floor',
]);

type PyReport = { strings: string[]; calls: string[]; outside: string[] };
function checkPython(codes: string[]): PyReport[] {
  // Fails (does not skip) when python3 is missing: the check is part of the trust boundary's proof.
  const out = execFileSync('python3', [CHECKER, MARK], { input: JSON.stringify(codes), encoding: 'utf8' });
  return JSON.parse(out) as PyReport[];
}

type JsReport = PyReport;
function checkJs(code: string): JsReport {
  const comments: string[] = [];
  const ast = acorn.parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    onComment: (_block, text) => comments.push(text),
  });
  const strings: string[] = [];
  const calls = new Set<string>();
  const dotted = (n: acorn.Node): string =>
    n.type === 'Identifier'
      ? (n as acorn.Identifier).name
      : n.type === 'MemberExpression' && !(n as acorn.MemberExpression).computed
        ? `${dotted((n as acorn.MemberExpression).object)}.${((n as acorn.MemberExpression).property as acorn.Identifier).name}`
        : '<expr>';
  walk.full(ast, (n) => {
    if (n.type === 'Literal' && typeof (n as acorn.Literal).value === 'string')
      strings.push((n as acorn.Literal).value as string);
    if (n.type === 'TemplateLiteral') strings.push('<template>');
    if (n.type === 'CallExpression') calls.add(dotted((n as acorn.CallExpression).callee));
  });
  const outside: string[] = comments.filter((c) => c.includes(MARK));
  for (const t of acorn.tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' }))
    if (t.type !== acorn.tokTypes.string && code.slice(t.start, t.end).includes(MARK))
      outside.push(code.slice(t.start, t.end));
  return { strings, calls: [...calls], outside };
}

const TITLES = ['My network', ...PAYLOADS, '数字 🔢 \ud800 lone surrogate', `'''${MARK}'''`];

describe('generated code from hostile experiments', () => {
  const cases: [NetworkSpec, TrainConfig, string][] = [];
  const nets = hostileNetworks();
  const configs = hostileConfigs();
  nets.forEach((net, i) => cases.push([net, configs[i % configs.length], TITLES[i % TITLES.length]]));
  PRESETS.forEach((p, i) =>
    cases.push([p.network, { ...DEFAULT_CONFIG, augment: 'elastic', schedule: 'cosine', l2: 1e-4 }, TITLES[i]]),
  );
  configs.forEach((c, i) => cases.push([PRESETS[i % PRESETS.length].network, c, TITLES[(i + 3) % TITLES.length]]));
  // Every data experiment at once: the generated label code is on the same allow-lists.
  const lab: TrainConfig = {
    ...DEFAULT_CONFIG,
    removeDigit: 3,
    digitKeep: 0.1,
    plant: '7>1:0.3',
    labelNoise: 0.2,
    trainWithMine: true,
    testShift: 'thin',
    testShiftAmount: 1,
  };
  TITLES.forEach((title) => cases.push([PRESETS[0].network, lab, title]));

  it('the Keras script parses in Python, calls only allowed functions and keeps every payload inside the title', () => {
    const reports = checkPython(cases.map(([net, c, title]) => kerasScript(net, c, title)));
    expect(reports).toHaveLength(cases.length);
    for (const [i, [, , title]] of cases.entries()) {
      const r = reports[i];
      expect(r.outside, title).toEqual([]);
      for (const s of r.strings) expect(PY_STRINGS.has(s) || s === title, s).toBe(true);
      for (const f of r.calls) expect(PY_CALLS.has(f), f).toBe(true);
    }
  });

  it('the TF.js program parses as a module, calls only allowed functions and keeps every payload inside the title', () => {
    for (const [net, c, title] of cases) {
      const r = checkJs(tfjsProgram(net, c, title));
      expect(r.outside, title).toEqual([]);
      for (const s of r.strings) expect(JS_STRINGS.has(s) || s === title, s).toBe(true);
      for (const f of r.calls) expect(JS_CALLS.has(f), f).toBe(true);
    }
  });

  it('a hostile run experiment exports the same code as an empty network, not its strings', () => {
    const poisoned = {
      layers: [{ kind: 'flatten' }, { kind: 'dense', units: 128, activation: PAYLOADS[0] }],
    } as unknown as NetworkSpec;
    expect(kerasScript(poisoned, DEFAULT_CONFIG, 'x')).not.toContain(MARK);
    expect(tfjsProgram(poisoned, DEFAULT_CONFIG, 'x')).not.toContain(MARK);
  });

  it('escapes titles so that each language reads back exactly the title', () => {
    for (const t of TITLES) {
      expect(JSON.parse(jsString(t).replace(/\\u([0-9a-f]{4})/g, (_, h: string) => `\\u${h}`))).toBe(t);
      expect(pyString(t)).toMatch(/^"[\x20-\x7e]*"$/);
      expect(jsString(t)).toMatch(/^"[\x20-\x7e]*"$/);
    }
    expect(numberLiteral('1); x(')).toBe('0');
    expect(numberLiteral(1e-7)).toBe('1e-7');
    expect(numberLiteral(NaN)).toBe('0');
  });
});
