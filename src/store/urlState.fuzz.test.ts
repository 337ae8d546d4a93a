// Hostile links (typed, truncated by chat apps, edited by students) and fuzzing of the hash decoders: every hash
// gives an experiment the app can show and, when its network is valid, train; or the defaults with a notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n/english';
import { mulberry32 } from '../data/prng';
import { randomNetwork } from '../model/randomNetwork';
import { batchProblem, inferNetwork, LIMITS } from '../model/shapes';
import { DEFAULT_CONFIG } from '../model/training';
import { configProblem } from '../model/trainFields';
import { allFinite, boundFor, FUZZ_RUNS, textMutationOf, timed } from '../testing/fuzz';
import { decodeExperiment, decodeView, encodeExperiment } from './urlState';

function checkDecoded(hash: string) {
  const { value: r, ms } = timed(() => decodeExperiment(hash));
  expect(ms).toBeLessThan(boundFor(hash));
  expect(allFinite(r.experiment.train)).toBe(true);
  expect(configProblem(r.experiment.train)).toBeNull();
  const info = inferNetwork(r.experiment.network);
  // Whatever loads is small enough to train (a fixable mistake may remain: the builder shows it).
  expect(r.experiment.network.layers.length).toBeLessThanOrEqual(LIMITS.layers);
  expect(info.totalMacs).toBeLessThanOrEqual(LIMITS.macsPerImage);
  expect(info.totalActivations).toBeLessThanOrEqual(LIMITS.activationsPerImage);
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
    ['hundreds of activation layers', `#v=1&net=f,${'a.relu,'.repeat(300)}d10.softmax&opt=adam&lr=0.001&bs=128&seed=1`, /too long|layers/],
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
      .tuple(fc.array(token, { maxLength: 60 }), fc.constantFrom('adam', 'sgd', 'nope'), fc.double(), fc.integer(), fc.integer())
      .map(([layers, opt, lr, bs, n]) => `#v=1&net=${layers.join(',')}&opt=${opt}&lr=${lr}&bs=${bs}&seed=1&n=${n}`);
    fc.assert(
      fc.property(hash, (h) => checkDecoded(h)),
      { numRuns: FUZZ_RUNS },
    );
  }, 120_000);
});
