// A sweep's runs, trained in one worker beside the person's own model (which stays as it is). Interleaved runs
// take turns of about TURN_MS; between turns a run is parked (weights and optimizer state as arrays, no
// tensors), so one sweep model is in memory at a time and all curves grow together. Sequential runs train one
// after the other. Each run stops at its budget (epochs, or seconds of its own training time).
import { errorText } from '../../model/guards';
import { msg, type Msg } from '../../model/msg';
import { nextRun, type SweepBudget, type SweepOrder } from '../../model/sweep';
import type { NetworkSpec } from '../../model/spec';
import type { TrainConfig } from '../../model/training';
import type { BatchPoint, EpochSummary, FromWorker } from '../../protocol/fromWorker';
import type { Mnist } from '../data/dataset';
import { MineSet } from '../data/mineSet';
import { Trainer } from './trainer';
import { yieldTask } from './yieldTask';

/**
 * Length of one interleaved turn: long enough that parking (a weight read-back) costs little, short enough that
 * curves grow together.
 */
export const TURN_MS = 500;
/** Smoothed loss above this (or NaN) ends a run as diverged. */
const EXPLODED_LOSS = 50;

type Run = {
  spec: { network: NetworkSpec; config: TrainConfig };
  trainer: Trainer | null;
  done: boolean;
  /** Own training time (evaluation excluded), ms, and examples trained. */
  ms: number;
  examples: number;
  /** Batch of the last test evaluation, so a seconds budget evaluates once more at its end only when needed. */
  evaluatedAt: number;
};

export class Sweep {
  private readonly runs: Run[];
  private running = false;
  private last = -1;
  private loopDone: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly data: Mnist,
    specs: { network: NetworkSpec; config: TrainConfig }[],
    private readonly budget: SweepBudget,
    private readonly order: SweepOrder,
    private readonly post: (m: FromWorker) => void,
    private readonly mine: MineSet = new MineSet(),
  ) {
    this.runs = specs.map((spec) => ({ spec, trainer: null, done: false, ms: 0, examples: 0, evaluatedAt: -1 }));
  }

  get active() {
    return !this.ended;
  }

  private state(state: 'running' | 'paused' | 'done' | 'cancelled', message: Msg | null = null) {
    this.post({
      type: 'sweepState',
      state,
      finished: this.runs.filter((r) => r.done).length,
      total: this.runs.length,
      message,
    });
  }

  start() {
    if (this.running || this.ended) return;
    this.running = true;
    this.state('running');
    this.loopDone = this.loop();
  }

  /** Stops after the current batch; every run keeps its place. */
  async pause() {
    if (!this.running) return;
    this.running = false;
    await this.loopDone;
    if (!this.ended) this.state('paused');
  }

  /** Ends the sweep: finished runs stay (the page has them), unfinished ones stop where they are. */
  async cancel() {
    this.running = false;
    await this.loopDone;
    if (this.ended) return;
    this.end();
    this.state('cancelled');
  }

  private end() {
    this.ended = true;
    for (const r of this.runs) r.trainer?.dispose();
  }

  private async loop() {
    try {
      while (this.running) {
        const i = nextRun(
          this.runs.map((r) => r.done),
          this.last,
          this.order,
        );
        if (i === null) {
          this.running = false;
          this.end();
          this.state('done');
          return;
        }
        this.last = i;
        await this.turn(i);
        await yieldTask();
      }
    } catch (e) {
      this.running = false;
      this.end();
      this.state('cancelled', msg('sweep.failed', { detail: errorText(e) }));
    }
  }

  /** One turn of run i: its model back in memory, batches until the turn or its budget ends, then parked again. */
  private async turn(i: number) {
    const run = this.runs[i];
    if (!run.trainer) this.post({ type: 'busy', batchMs: 0 }); // building and the first step compile kernels
    const t = run.trainer ?? (run.trainer = new Trainer(this.data, run.spec.network, run.spec.config, this.mine));
    await t.unpark();
    const others = this.runs.some((r, k) => k !== i && !r.done);
    const turnStart = performance.now();
    let lastYield = turnStart,
      lastFlush = turnStart;
    const epochs: EpochSummary[] = [];
    let diverged = false;
    const points: BatchPoint[] = [];
    while (this.running && !run.done) {
      const t0 = performance.now();
      t.trainBatch();
      run.examples += t.config.batchSize;
      const endOfEpoch = t.epochDone;
      const now = performance.now();
      if (endOfEpoch || now - lastFlush >= 100) {
        const got = await t.drainPoints();
        lastFlush = performance.now();
        run.ms += lastFlush - t0;
        points.push(...got);
        if (got.some((p) => !Number.isFinite(p.loss) || p.loss > EXPLODED_LOSS)) diverged = true;
      } else {
        run.ms += now - t0;
      }
      if (diverged) break;
      if (endOfEpoch) {
        t.nextEpoch();
        this.post({ type: 'busy', batchMs: 0 }); // evaluating 10,000 images blocks on wasm/cpu
        epochs.push((await t.evaluateEpoch()).summary);
        run.evaluatedAt = t.batch;
      }
      if (this.budget.kind === 'epochs' ? t.epoch >= this.budget.value : run.ms >= this.budget.value * 1000)
        run.done = true;
      if (this.order === 'interleaved' && others && performance.now() - turnStart >= TURN_MS) break;
      if (this.order === 'sequential' && performance.now() - turnStart >= TURN_MS) break; // report, keep the model
      if (performance.now() - lastYield >= 20) {
        await yieldTask();
        lastYield = performance.now();
      }
    }
    const rest = await t.drainPoints();
    points.push(...rest);
    if (rest.some((p) => !Number.isFinite(p.loss) || p.loss > EXPLODED_LOSS)) diverged = true;
    if (diverged) run.done = true;
    // A seconds budget can end mid-epoch: the run's final test accuracy is measured where it stopped.
    if (run.done && !diverged && run.evaluatedAt !== t.batch) {
      this.post({ type: 'busy', batchMs: 0 });
      epochs.push((await t.evaluateEpoch(+(t.epoch + t.batchInEpoch / t.batchesPerEpoch).toFixed(2))).summary);
      run.evaluatedAt = t.batch;
    }
    this.post({
      type: 'sweepProgress',
      index: i,
      points: points.filter((p) => Number.isFinite(p.loss) && p.loss <= EXPLODED_LOSS),
      epochs,
      batch: t.batch,
      epoch: t.epoch,
      seconds: run.ms / 1000,
      examples: run.examples,
      examplesPerSecond: run.ms > 0 ? (run.examples * 1000) / run.ms : 0,
      done: run.done,
      diverged,
    });
    if (run.done) {
      t.dispose();
      run.trainer = null;
      this.state('running');
    } else if (this.order === 'interleaved' && others) await t.park();
  }
}
