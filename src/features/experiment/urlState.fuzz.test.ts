// Hostile links (typed, truncated by chat apps, edited by students) and fuzzing of the hash decoders: every hash
// gives an experiment the app can show and, when its network is valid, train; or the defaults with a notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../../i18n/english';
import { mulberry32 } from '../../model/prng';
import { randomNetwork } from '../../model/randomNetwork';
import { batchProblem, inferNetwork } from '../../model/shapes';
import { DEFAULT_CONFIG } from '../../model/training';
import { allFinite, boundFor, FUZZ_RUNS, textMutationOf, timed } from '../../testing/fuzz';
import { configArb, networkArb } from '../../testing/arbitraries';
import { decodeExperiment, decodeView, defaultExperiment, encodeExperiment, type Experiment } from './urlState';

/** Limits a loaded experiment must respect, written out here rather than read from the code under test. */
const BOUNDS = {
  layers: 40,
  units: [1, 4096],
  filters: [1, 512],
  window: [1, 28],
  dropout: [0, 0.99],
  learningRate: [1e-6, 1000],
  batchSize: [1, 4096],
  seed: [0, 4294967295],
  l2: [0, 1],
  epochLimit: [0, 1000],
  trainSize: [10, 60000],
  macs: 30_000_000,
  activations: 500_000,
} as const;
const within = (v: number, [lo, hi]: readonly [number, number], integer = true) =>
  typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi && (!integer || Number.isInteger(v));

function checkBounds(e: Experiment) {
  const t = e.train;
  expect(['sgd', 'momentum', 'adam', 'rmsprop']).toContain(t.optimizer);
  expect(['constant', 'step', 'cosine']).toContain(t.schedule);
  expect(['off', 'shift', 'affine', 'elastic']).toContain(t.augment);
  expect(within(t.learningRate, BOUNDS.learningRate, false) && Math.fround(t.learningRate) > 0).toBe(true);
  expect(within(t.batchSize, BOUNDS.batchSize)).toBe(true);
  expect(within(t.seed, BOUNDS.seed)).toBe(true);
  expect(within(t.l2, BOUNDS.l2, false)).toBe(true);
  expect(within(t.epochLimit, BOUNDS.epochLimit)).toBe(true);
  expect(t.trainSize === 0 || (within(t.trainSize, BOUNDS.trainSize) && t.batchSize <= t.trainSize)).toBe(true);
  expect(e.network.layers.length).toBeLessThanOrEqual(BOUNDS.layers);
  for (const l of e.network.layers) {
    expect(
      Object.keys(l).every((k) =>
        ['kind', 'units', 'activation', 'filters', 'kernelSize', 'stride', 'padding', 'poolSize', 'rate'].includes(k),
      ),
    ).toBe(true);
    if ('activation' in l)
      expect(['relu', 'leakyRelu', 'elu', 'sigmoid', 'tanh', 'softmax', 'linear']).toContain(l.activation);
    if (l.kind === 'dense') expect(within(l.units, BOUNDS.units)).toBe(true);
    if (l.kind === 'conv2d') {
      expect(
        within(l.filters, BOUNDS.filters) && within(l.kernelSize, BOUNDS.window) && within(l.stride, BOUNDS.window),
      ).toBe(true);
      expect(['same', 'valid']).toContain(l.padding);
    }
    if (l.kind === 'maxPool2d' || l.kind === 'avgPool2d')
      expect(within(l.poolSize, BOUNDS.window) && within(l.stride, BOUNDS.window)).toBe(true);
    if (l.kind === 'dropout') expect(within(l.rate, BOUNDS.dropout, false)).toBe(true);
  }
}

function checkDecoded(hash: string) {
  const { value: r, ms } = timed(() => decodeExperiment(hash));
  expect(ms).toBeLessThan(boundFor(hash));
  expect(allFinite(r.experiment.train)).toBe(true);
  checkBounds(r.experiment);
  const info = inferNetwork(r.experiment.network);
  // Whatever loads is small enough to train (a fixable mistake may remain: the builder shows it).
  expect(info.totalMacs).toBeLessThanOrEqual(BOUNDS.macs);
  expect(info.totalActivations).toBeLessThanOrEqual(BOUNDS.activations);
  expect(batchProblem(info, r.experiment.train.batchSize)).toBeNull();
  if (r.notice) expect(english(r.notice).length).toBeGreaterThan(10);
  const v = timed(() => decodeView(hash));
  expect(v.ms).toBeLessThan(boundFor(hash));
}

const validHashes = () => {
  const rand = mulberry32(99);
  return Array.from(
    { length: 20 },
    (_, i) =>
      `#${encodeExperiment({ network: randomNetwork(rand), train: { ...DEFAULT_CONFIG, seed: i, trainSize: i % 2 ? 0 : 1000 } })}&lang=zh-CN&hide=insights`,
  );
};

describe('hostile links', () => {
  const cases: [string, string, RegExp][] = [
    [
      '512-filter convolutions on 28×28',
      '#v=1&net=c512.3.1.same.relu,c512.3.1.same.relu,f,d10.softmax&opt=adam&lr=0.001&bs=128&seed=1',
      /multiply-adds per image/,
    ],
    [
      'a 99×99 kernel',
      '#v=1&net=c64.99.1.same.relu,c64.99.1.same.relu,f,d10.softmax&opt=adam&lr=0.001&bs=128&seed=1',
      /Conv2D layer 1: kernel must be a whole number from 1 to 28/,
    ],
    [
      'hundreds of activation layers',
      `#v=1&net=f,${'a.relu,'.repeat(300)}d10.softmax&opt=adam&lr=0.001&bs=128&seed=1`,
      /too long|layers/,
    ],
    [
      'a batch too big for the memory',
      '#v=1&net=c128.3.1.same.relu,a.relu,a.relu,f,d10.softmax&opt=adam&lr=0.001&bs=4096&seed=1',
      /batch of 4096 needs about/,
    ],
    [
      'a training set smaller than the batch',
      '#v=1&net=f,d10.softmax&opt=adam&lr=0.001&bs=512&seed=1&n=100',
      /larger than the 100 training images/,
    ],
    ['a learning rate of 1e999', '#v=1&net=f,d10.softmax&opt=adam&lr=1e999&bs=128&seed=1', /Learning rate/],
    ['a seed past 2^32', '#v=1&net=f,d10.softmax&opt=adam&lr=0.1&bs=128&seed=99999999999', /Seed/],
    ['percent-encoding garbage', '#v=1&net=%E0%A4%A&opt=adam', /could not be read/],
  ];
  for (const [name, hash, message] of cases) {
    it(`loads the defaults with a notice for ${name}`, () => {
      const r = decodeExperiment(hash);
      expect(r.notice).not.toBeNull();
      expect(english(r.notice!)).toMatch(message);
      checkDecoded(hash);
    });
  }
});

describe('fuzzing the URL decoders', () => {
  it(`survives ${FUZZ_RUNS} mutated valid links`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...validHashes()).chain((h) => textMutationOf(h)),
        (h) => checkDecoded(h),
      ),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} arbitrary strings, including long and unicode ones`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary', maxLength: 3000 }),
          fc.webUrl().map((u) => `#${u}`),
        ),
        (h) => checkDecoded(h),
      ),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
  it(`survives ${FUZZ_RUNS} links assembled from valid and invalid tokens`, () => {
    const token = fc.oneof(
      fc.constantFrom(
        'f',
        'bn',
        'do0.5',
        'd10.softmax',
        'd4096.relu',
        'c512.3.1.same.relu',
        'mp2.2',
        'ap28.1',
        'a.tanh',
        'c1.28.1.valid.relu',
        'd0.relu',
        'mp0.0',
      ),
      fc.string({ maxLength: 8 }),
    );
    const hash = fc
      .tuple(
        fc.array(token, { maxLength: 60 }),
        fc.constantFrom('adam', 'sgd', 'nope'),
        fc.double(),
        fc.integer(),
        fc.integer(),
      )
      .map(([layers, opt, lr, bs, n]) => `#v=1&net=${layers.join(',')}&opt=${opt}&lr=${lr}&bs=${bs}&seed=1&n=${n}`);
    fc.assert(
      fc.property(hash, (h) => checkDecoded(h)),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
});

describe('the round-trip law for links', () => {
  it(`${FUZZ_RUNS} experiments the builder and fields accept: a link gives each back unchanged, or says it is too big`, () => {
    fc.assert(
      fc.property(networkArb, configArb, (network, train) => {
        const e: Experiment = { network, train };
        const r = decodeExperiment(`#${encodeExperiment(e)}`);
        if (r.notice === null) expect(r.experiment).toEqual(e);
        else {
          // The only refusal: a network too big to train, which the builder also shows as its problem.
          expect(r.notice.key).toBe('url.tooBig');
          const info = inferNetwork(network);
          expect(info.problem !== null || batchProblem(info, train.batchSize) !== null).toBe(true);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);

  it('a link naming only some fields loads the defaults for the rest, without a notice', () => {
    fc.assert(
      fc.property(
        configArb,
        fc.subarray(['opt', 'lr', 'bs', 'seed', 'l2', 'sched', 'ep', 'aug'] as const),
        (train, keys) => {
          const full = new URLSearchParams(encodeExperiment({ network: defaultExperiment().network, train }));
          const p = new URLSearchParams('v=1&lang=zh-CN');
          for (const k of keys) if (full.has(k)) p.set(k, full.get(k)!);
          const r = decodeExperiment(`#${p.toString()}`);
          const expected = { ...defaultExperiment().train };
          const field = {
            opt: 'optimizer',
            lr: 'learningRate',
            bs: 'batchSize',
            seed: 'seed',
            l2: 'l2',
            sched: 'schedule',
            ep: 'epochLimit',
            aug: 'augment',
          } as const;
          for (const k of keys) if (full.has(k)) (expected as Record<string, unknown>)[field[k]] = train[field[k]];
          if (r.notice)
            expect(r.notice.key).toBe('url.badConfig'); // e.g. a batch over the default training size: none
          else expect(r.experiment).toEqual({ network: defaultExperiment().network, train: expected });
        },
      ),
    );
    expect(decodeExperiment('#v=1&lang=zh-CN')).toEqual({ experiment: defaultExperiment(), notice: null });
    expect(decodeExperiment('#v=1&lr=0.01').experiment.train).toEqual({
      ...defaultExperiment().train,
      learningRate: 0.01,
    });
  });
});
