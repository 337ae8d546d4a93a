// fast-check arbitraries for everything the app itself accepts: layers as the builder commits them, configs as
// the hyperparameter fields take them, markers as the worker reports them, runs, and whole sessions. The bounds
// are written here as numbers (the UI's ranges), not read from the code under test, so a decoder whose ranges
// drift from the builder's fails the round-trip properties. Test-only.
import fc from 'fast-check';
import type { Msg } from '../model/msg';
import type { LayerSpec, NetworkSpec } from '../model/spec';
import type { TrainConfig } from '../model/training';
import type { RunRecord } from '../store/runs';
import type { Session } from '../features/sessions';
import type { ChartMarker } from '../store/store';
import { makeDigit, type MyDigit } from '../data/myDigits';

const activation = fc.constantFrom('relu', 'leakyRelu', 'elu', 'sigmoid', 'tanh', 'softmax', 'linear' as const);
/** Whole numbers over any safe range (fc.integer stops at 32 bits). */
const int = (min: number, max: number) => fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
/** A double in [min, max] as a person could type it (no -0: the field shows "0" either way). */
const real = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);

/** Any layer the builder can commit: units 1-4096, filters 1-512, kernel/stride/pool 1-28, dropout 0-0.99. */
export const layerArb: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({ kind: fc.constant('dense' as const), units: int(1, 4096), activation }),
  fc.record({
    kind: fc.constant('conv2d' as const),
    filters: int(1, 512),
    kernelSize: int(1, 28),
    stride: int(1, 28),
    padding: fc.constantFrom('same', 'valid' as const),
    activation,
  }),
  fc.record({ kind: fc.constantFrom('maxPool2d', 'avgPool2d' as const), poolSize: int(1, 28), stride: int(1, 28) }),
  fc.constant({ kind: 'flatten' as const }),
  fc.record({ kind: fc.constant('dropout' as const), rate: real(0, 0.99) }),
  fc.constant({ kind: 'batchNorm' as const }),
  fc.record({ kind: fc.constant('activation' as const), activation }),
);

/** Up to 40 layers, valid or with the fixable mistakes the builder shows. */
export const networkArb: fc.Arbitrary<NetworkSpec> = fc
  .array(layerArb, { maxLength: 40 })
  .map((layers) => ({ layers }));

/** Any config the hyperparameter fields accept. */
export const configArb: fc.Arbitrary<TrainConfig> = fc
  .record({
    optimizer: fc.constantFrom('sgd', 'momentum', 'adam', 'rmsprop' as const),
    learningRate: fc.oneof(real(1e-6, 1000), fc.constantFrom(1e-6, 0.003, 1000, 0.1 + 0.2)),
    batchSize: int(1, 4096),
    seed: int(0, 4294967295),
    l2: fc.oneof(fc.constant(0), real(0, 1)),
    schedule: fc.constantFrom('constant', 'step', 'cosine' as const),
    warmup: fc.oneof(fc.constant(0), int(0, 100000)),
    scheduleEpochs: int(0, 1000),
    epochLimit: int(0, 1000),
    trainSize: fc.oneof(fc.constant(0), int(10, 60000)),
    augment: fc.constantFrom('off', 'shift', 'affine', 'elastic' as const),
    labelNoise: fc.oneof(fc.constant(0), real(0, 0.8)),
    plant: fc.oneof(
      fc.constant('none'),
      fc
        .tuple(int(0, 9), int(0, 9), fc.integer({ min: 1, max: 1000 }))
        .filter(([a, b]) => a !== b)
        .map(([a, b, k]) => `${a}>${b}:${k / 1000}`),
    ),
    removeDigit: int(-1, 9),
    digitKeep: fc.oneof(fc.constant(0), real(0, 0.99)),
    testShift: fc.constantFrom('none', 'thick', 'thin', 'rotate', 'shift' as const),
    testShiftAmount: int(1, 2),
    trainWithMine: fc.boolean(),
  })
  .map((c) => (c.testShift === 'rotate' ? { ...c, testShiftAmount: 30 } : c))
  .filter((c) => c.trainSize === 0 || c.batchSize <= c.trainSize);

const leafMsg: fc.Arbitrary<Msg> = fc.record({
  key: fc.constantFrom(
    'change.learningRate',
    'change.batchSize',
    'change.optimizer',
    'marker.diverged',
    'step.applied',
  ),
  values: fc.record({
    // Values come from decoded configs, where -0 is already 0 (JSON could not keep it).
    from: fc.oneof(real(-1e300, 1e300), fc.string({ maxLength: 40 })),
    to: real(0, 1e6),
  }),
});

/** A marker's label as the page makes it: one change, or several chained with change.list (up to 49 deep). */
export const markerLabelArb: fc.Arbitrary<Msg> = fc
  .array(leafMsg, { minLength: 1, maxLength: 49 })
  .map((changes) => changes.reduce((a, b) => ({ key: 'change.list', values: { first: a, rest: b } })));

const counter = fc.oneof(int(0, 1e9), fc.constantFrom(0, 1e9, 1e9 - 1));

export const markerArb: fc.Arbitrary<ChartMarker> = fc.record({
  batch: counter,
  kind: fc.constantFrom('change', 'diverged' as const),
  label: markerLabelArb,
});

const increasing = <T extends { batch: number }>(items: T[]): T[] => {
  const seen = new Set<number>();
  return items.filter((p) => !seen.has(p.batch) && seen.add(p.batch)).sort((a, b) => a.batch - b.batch);
};
const pointArb = fc.record({ batch: counter, loss: real(0, 1e6), accuracy: real(0, 1) });
const epochArb = fc.record({ epoch: counter, batch: counter, testAccuracy: real(0, 1), testLoss: real(0, 1e6) });

export const historyArb: fc.Arbitrary<Session['history']> = fc.record({
  series: fc.array(pointArb, { maxLength: 30 }).map(increasing),
  epochs: fc.array(epochArb, { maxLength: 10 }),
  markers: fc.array(markerArb, { maxLength: 5 }),
});

/** A run as the recorder or a sweep keeps it (the network valid and trainable, so it shares the session's). */
export const runArb = (network: NetworkSpec, params: number): fc.Arbitrary<RunRecord> =>
  fc.record({
    id: fc.stringMatching(/^[a-z0-9]{1,10}-[a-z0-9]{1,8}$/),
    name: fc.string({ maxLength: 200 }),
    renamed: fc.boolean(),
    network: fc.constant(network),
    params: fc.constant(params),
    config: configArb,
    backend: fc.constantFrom(null, 'wasm', 'webgl', 'webgpu', 'cpu'),
    startedAt: fc.constant('2026-12-07T10:00:00.000Z'),
    seconds: real(0, 1e9),
    examples: int(0, 1e15),
    series: fc.array(pointArb, { maxLength: 20 }).map(increasing),
    epochs: fc.array(epochArb, { maxLength: 5 }),
    markers: fc.array(markerArb, { maxLength: 3 }),
    timeline: fc.array(fc.record({ batch: counter, seconds: real(0, 1e9), examples: int(0, 1e15) }), { maxLength: 5 }),
    reached: fc.record({
      '0.95': fc.option(fc.record({ epoch: counter, examples: int(0, 1e15), seconds: real(0, 1e9) }), { nil: null }),
      '0.975': fc.option(fc.record({ epoch: counter, examples: int(0, 1e15), seconds: real(0, 1e9) }), { nil: null }),
    }),
  });

/** My digits as the pad and files make them: a picture only, or strokes (canvas pixels) re-rendered. */
export const myDigitArb: fc.Arbitrary<MyDigit> = fc
  .record({
    label: int(0, 9),
    pixels: fc.array(int(0, 255), { minLength: 784, maxLength: 784 }),
    strokes: fc.option(
      fc.array(fc.array(fc.tuple(real(0, 280), real(0, 280)), { minLength: 1, maxLength: 12 }), {
        minLength: 1,
        maxLength: 4,
      }),
      { nil: null },
    ),
    source: fc.stringMatching(/^[a-z0-9]{0,12}$/),
  })
  .map((d) =>
    makeDigit(
      d.label,
      d.pixels.map((v) => v / 255),
      d.strokes,
      d.source,
    ),
  )
  .filter((d): d is MyDigit => d !== null);
