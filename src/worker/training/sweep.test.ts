// Sweeps in the worker: parking keeps a run exactly where it was (weights and optimizer state), interleaved runs
// take turns and each gets its budget, and a cancelled sweep keeps what its finished runs reported.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG, type OptimizerName, type TrainConfig } from '../../model/training';
import type { FromWorker } from '../../protocol/fromWorker';
import { bandDigits } from '../../testing/bandDigits';
import type { Mnist } from '../data/dataset';
import { Sweep } from './sweep';
import { Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fakeData = (n: number): Mnist => bandDigits(n, 100, 9);

const config = (c: Partial<TrainConfig> = {}): TrainConfig => ({
  ...DEFAULT_CONFIG,
  augment: 'off',
  batchSize: 32,
  trainSize: 0,
  ...c,
});
const mlp = presetById('mlp-seed').network;

async function losses(t: Trainer, n: number) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    t.trainBatch();
    if (t.epochDone) t.nextEpoch();
  }
  for (const p of await t.drainPoints()) out.push(p.loss);
  return out;
}

describe('Trainer.park / unpark', () => {
  for (const optimizer of ['adam', 'momentum', 'rmsprop', 'sgd'] as OptimizerName[])
    it(`continues exactly where it stopped (${optimizer}: weights and optimizer state)`, async () => {
      const data = fakeData(640);
      const a = new Trainer(data, mlp, config({ optimizer, learningRate: optimizer === 'sgd' ? 0.05 : 0.003 }));
      const b = new Trainer(data, mlp, config({ optimizer, learningRate: optimizer === 'sgd' ? 0.05 : 0.003 }));
      const first = await losses(a, 4);
      expect(await losses(b, 4)).toEqual(first);
      const before = tf.memory().numTensors;
      await a.park();
      expect(tf.memory().numTensors).toBeLessThan(before); // the model and moments are freed while parked
      await a.unpark();
      const resumed = await losses(a, 4);
      const straight = await losses(b, 4);
      resumed.forEach((l, i) => expect(l).toBeCloseTo(straight[i], 5));
      a.dispose();
      b.dispose();
    });
});

describe('Sweep', () => {
  async function runSweep(order: 'interleaved' | 'sequential', budget = { kind: 'epochs' as const, value: 1 }) {
    const events: FromWorker[] = [];
    const specs = [0.001, 0.003, 0.01].map((lr) => ({
      network: mlp,
      config: config({ learningRate: lr, trainSize: 320 }),
    }));
    const sweep = new Sweep(fakeData(640), specs, budget, order, (m) => events.push(m));
    sweep.start();
    for (let i = 0; i < 2000 && sweep.active; i++) await new Promise((r) => setTimeout(r, 5));
    return { events, sweep };
  }
  const progress = (events: FromWorker[]) => events.filter((e) => e.type === 'sweepProgress');

  it('interleaved: every run trains its budget, turns alternate, all finish with a test accuracy', async () => {
    const { events } = await runSweep('interleaved');
    const p = progress(events);
    for (const i of [0, 1, 2]) {
      const mine = p.filter((e) => e.index === i);
      const last = mine.at(-1)!;
      expect(last.done).toBe(true);
      expect(last.batch).toBe(10); // 320 images / 32 per batch = one epoch
      expect(mine.flatMap((e) => e.epochs)).toHaveLength(1);
      expect(mine.flatMap((e) => e.points).map((q) => q.batch)).toEqual(Array.from({ length: 10 }, (_, k) => k + 1));
    }
    expect(events.at(-1)).toMatchObject({ type: 'sweepState', state: 'done', finished: 3, total: 3 });
  });

  it('a seconds budget ends runs mid-epoch with a final evaluation', async () => {
    const { events } = await runSweep('sequential', { kind: 'seconds', value: 0.05 } as never);
    const p = progress(events);
    for (const i of [0, 1, 2]) {
      const last = p.filter((e) => e.index === i).at(-1)!;
      expect(last.done).toBe(true);
      expect(last.seconds).toBeGreaterThanOrEqual(0.05);
      expect(p.filter((e) => e.index === i).flatMap((e) => e.epochs).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('cancel keeps what finished runs reported and stops the others', async () => {
    const events: FromWorker[] = [];
    const specs = [0.001, 0.003].map((lr) => ({ network: mlp, config: config({ learningRate: lr, trainSize: 320 }) }));
    let cancelled: Promise<void> | null = null;
    // Cancelled the moment the first run reports that it finished.
    const sweep: Sweep = new Sweep(fakeData(640), specs, { kind: 'epochs', value: 1 }, 'sequential', (m) => {
      events.push(m);
      if (m.type === 'sweepProgress' && m.done && !cancelled) cancelled = sweep.cancel();
    });
    sweep.start();
    for (let i = 0; i < 2000 && !cancelled; i++) await new Promise((r) => setTimeout(r, 5));
    await cancelled;
    expect(
      progress(events)
        .filter((e) => e.done)
        .map((e) => e.index),
    ).toEqual([0]);
    expect(events.at(-1)).toMatchObject({ type: 'sweepState', state: 'cancelled', finished: 1, total: 2 });
    expect(sweep.active).toBe(false);
  });
});
