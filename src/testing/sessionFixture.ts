// A session document with every kind of content (trained weights, markers nested deep, a recorded run and a
// sweep's run), shared by the session decoder's fuzz and law tests.
import { msg, type Msg } from '../model/msg';
import { presetById } from '../model/presets';
import { weightSizes } from '../model/shapes';
import { DEFAULT_CONFIG } from '../model/training';
import type { Session } from '../features/sessions';
import { newRun, type RunRecord } from '../store/runs';
import { makeDigit } from '../data/myDigits';
import { sweepRecords } from '../store/sweepRuns';

/** A change list as the page chains it (store/applyEvent.ts): `n` changes, n - 1 levels of change.list. */
export const changeList = (n: number): Msg =>
  Array.from({ length: n }, (_, i) => msg('change.learningRate', { from: i, to: i + 1 })).reduce((a, b) =>
    msg('change.list', { first: a, rest: b }),
  );

/** The base document: trained weights, a history with every kind of marker, a recorded run and a sweep's run. */
export function session(): Session {
  const network = presetById('logistic').network; // small weights keep each decode fast, so more inputs fit a run
  const run = newRun(
    'mk1-abcde',
    network,
    { ...DEFAULT_CONFIG, learningRate: 0.01 },
    'wasm',
    '2026-12-02T10:00:00.000Z',
  );
  const recorded: RunRecord = {
    ...run,
    series: [{ batch: 10, loss: 2, accuracy: 0.3 }],
    epochs: [{ epoch: 1, batch: 30, testAccuracy: 0.9, testLoss: 0.3 }],
    markers: [{ batch: 12, kind: 'change', label: changeList(6) }],
    timeline: [{ batch: 10, seconds: 1.5, examples: 1280 }],
  };
  const [swept] = sweepRecords(
    [{ param: 'learningRate', values: [0.1] }],
    [{ network, config: { ...DEFAULT_CONFIG, learningRate: 0.1 }, values: [0.1] }],
    'wasm',
    '2026-12-02T10:05:00.000Z',
    (i) => `mk2-s${i}-abcd`,
  );
  return {
    name: 'Fuzz',
    savedAt: '2026-12-02T10:00:00.000Z',
    network,
    train: { ...DEFAULT_CONFIG },
    point: { batch: 40, epoch: 0, weights: weightSizes(network)!.map((n) => new Float32Array(n).fill(0.01)) },
    history: {
      series: [
        { batch: 10, loss: 2, accuracy: 0.3 },
        { batch: 20, loss: 1, accuracy: 0.6 },
      ],
      epochs: [{ epoch: 1, batch: 30, testAccuracy: 0.9, testLoss: 0.3 }],
      markers: [
        { batch: 15, kind: 'change', label: { key: 'change.learningRate', values: { from: 0.002, to: 0.01 } } },
        { batch: 16, kind: 'change', label: changeList(9) },
        { batch: 17, kind: 'change', label: msg('step.applied', { batch: 17 }) },
        { batch: 18, kind: 'diverged', label: msg('marker.divergedRestored', { batch: 12 }) },
      ],
    },
    runs: [recorded, swept],
    myDigits: [
      makeDigit(
        7,
        [],
        [
          [
            [60, 50],
            [220, 50],
            [120, 250],
          ],
        ],
      )!,
      makeDigit(
        2,
        Array.from({ length: 784 }, (_, i) => (i % 29) / 28),
        null,
        'alice',
      )!,
    ],
  };
}
