// The training loop around a Trainer: batching of events, epoch ends, the epoch limit, and divergence.
// The loop yields to the event loop every ~20 ms through a MessageChannel (not animation frames, so hidden
// tabs keep training), which lets predictions and control messages run between batches. Losses are read
// back every ~100 ms, not per batch, so GPU backends are not stalled.
import { errorText } from '../../model/guards';
import { msg, type Msg } from '../../model/msg';
import type { FromWorker } from '../../protocol/fromWorker';
import { LoopProfile } from './loopProfile';
import { Throughput } from './throughput';
import type { Snapshot } from './snapshot';
import type { Trainer } from './trainer';

import { yieldTask } from './yieldTask';

/** Smoothed cross-entropy above this counts as diverged. */
const EXPLODED_LOSS = 50;

/**
 * Insights (histograms, gradients, dead ReLUs, weight pictures) may take at most this share of the loop's
 * time: about once a second on fast backends, less often where they are slow (measured on software WebGPU
 * with a CNN they took ~50% of training time when refreshed every second).
 */
const INSIGHT_BUDGET = 0.05;
const INSIGHT_MIN_INTERVAL_MS = 1000;

/**
 * How often, at most, the loop keeps a checked copy of the weights (for divergence, backend loss, worker
 * death); where reading the weights back is slow (software GPUs) less often, within SNAPSHOT_BUDGET.
 */
const SNAPSHOT_EVERY_MS = 5000;
const SNAPSHOT_BUDGET = 0.02;

export class Runner {
  running = false;
  /** Set (by backends/watchBackend) when the GPU under the backend went away; the loop then hands over. */
  lost: string | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private throughput = new Throughput();
  /** Where the loop's time went since Train was pressed (the bench's per-part profile). */
  readonly profile = new LoopProfile();
  /** Time spent on insights vs. all loop time since Train was pressed (ms). */
  private insightMs = 0;
  private loopStart = 0;
  private insightInterval = INSIGHT_MIN_INTERVAL_MS;
  private snapshotInterval = SNAPSHOT_EVERY_MS;
  private lastInsight = 0;
  /** Refreshes since Train was pressed: the first one compiles its GPU programs and does not set the pace. */
  private insightCount = 0;
  /** Bumped by abandon(): a loop of an older generation ends without posting. */
  private generation = 0;
  /** How long the last step kept the thread busy (ms): long on cpu/wasm with big networks, short on GPUs. */
  private batchMs = 0;

  constructor(
    private readonly post: (m: FromWorker) => void,
    private readonly fail: (message: Msg) => void,
    /** Moves training to another backend; resumes it when `resume`. */
    private readonly onBackendLost: (reason: string, resume: boolean) => Promise<void>,
  ) {}

  /**
   * Copies the weights (the only place they are read back whole, not every flush) and keeps the copy if every
   * weight is finite; a trusted copy also goes to the page (which restarts a dead worker from it). False (and
   * training stopped, last good weights restored) when a weight is NaN or infinite.
   */
  private async checkpoint(t: Trainer, trusted = false): Promise<boolean> {
    const t0 = performance.now();
    const saved = await this.profile.timeAsync('snapshot', () => t.saveSnapshot(trusted));
    if (!saved) {
      await this.diverged(t, t.batch, null);
      return false;
    }
    if (trusted) this.postSnapshot(t.snapshot!);
    this.snapshotInterval = Math.max(SNAPSHOT_EVERY_MS, (performance.now() - t0) / SNAPSHOT_BUDGET);
    return true;
  }

  private postSnapshot(s: Snapshot) {
    this.post({
      type: 'snapshot',
      point: { batch: s.batch, epoch: s.epoch, weights: s.weights.map((w) => w.slice()) },
    });
  }

  /** Layer statistics and weight pictures; the next refresh waits long enough to stay within INSIGHT_BUDGET. */
  async sendHistograms(t: Trainer) {
    const t0 = performance.now();
    this.post({ type: 'histograms', batch: t.batch, epoch: t.epoch, layers: await t.histograms() });
    this.post({ type: 'weightImages', batch: t.batch, layers: await t.weightImages() });
    const ms = performance.now() - t0;
    this.profile.add('insights', t0);
    this.insightMs += ms;
    this.insightInterval =
      this.insightCount++ === 0 ? INSIGHT_MIN_INTERVAL_MS : Math.max(INSIGHT_MIN_INTERVAL_MS, ms / INSIGHT_BUDGET);
    this.lastInsight = performance.now();
  }

  private insightsDue() {
    return performance.now() - this.lastInsight >= this.insightInterval;
  }

  start(t: Trainer) {
    if (this.running) return;
    this.running = true;
    this.post({ type: 'state', state: 'training' });
    this.loopDone = this.loop(t);
  }

  async stop() {
    this.running = false;
    await this.loopDone;
  }

  /** Gives up on a loop stuck on a dead GPU (a read-back that never returns); a later loop starts clean. */
  abandon() {
    this.running = false;
    this.generation++;
    this.loopDone = Promise.resolve();
  }

  /** Exactly one batch, then paused. */
  async trainBatch(t: Trainer) {
    if (this.running) return;
    try {
      if (!t.snapshot && !(await this.checkpoint(t, true))) return;
      if ((await this.trainOne(t)) && (await this.flush(t))) this.post({ type: 'state', state: 'paused' });
    } catch (e) {
      this.fail(msg('worker.trainingStopped', { detail: errorText(e) }));
    }
  }

  /** Posts the batches since the last flush; false (and training stopped) when the loss diverged. */
  private async flush(t: Trainer): Promise<boolean> {
    const t0 = performance.now();
    try {
      return await this.flushPoints(t);
    } finally {
      this.profile.add('readback', t0);
    }
  }

  private async flushPoints(t: Trainer): Promise<boolean> {
    const points = await t.drainPoints();
    if (points.length === 0) return true;
    // Counted as the losses come back, i.e. as steps finish: GPU backends queue steps far faster than they run.
    this.throughput.add(points.length * t.config.batchSize);
    // Chance level is ln 10 ≈ 2.3; a smoothed loss far above it means the steps blew the weights up, even
    // before anything overflows to NaN (Adam's bounded steps can grow weights for a long time first).
    const bad = points.find((p) => !Number.isFinite(p.loss) || p.loss > EXPLODED_LOSS);
    // Blown-up losses are the symptom the message reports, not a curve to plot: they would flatten the chart.
    const finite = points.filter((p) => Number.isFinite(p.loss) && p.loss <= EXPLODED_LOSS);
    this.post({
      type: 'progress',
      epoch: t.epoch,
      batch: t.batch,
      batchInEpoch: t.batchInEpoch,
      batchesPerEpoch: t.batchesPerEpoch,
      examplesPerSecond: this.throughput.rate(),
      learningRate: t.rate,
      insightShare: this.loopStart ? this.insightMs / Math.max(1, performance.now() - this.loopStart) : 0,
      points: finite,
    });
    // The sound batches before a blow-up still vouch for a candidate taken before them (e.g. the copy saved
    // just before a learning-rate change), so a divergence goes back to it rather than to an older one.
    const lastSound = points.filter((p) => !bad || p.batch < bad.batch).at(-1);
    const confirmed = lastSound ? t.confirmSnapshot(lastSound.batch) : null;
    if (confirmed) this.postSnapshot(confirmed);
    if (bad) {
      await this.diverged(t, bad.batch, Number.isFinite(bad.loss) ? bad.loss : null);
      return false;
    }
    return true;
  }

  private async diverged(t: Trainer, batch: number, loss: number | null) {
    this.running = false;
    // The rate the step used: under a schedule, not the one typed (3 significant digits: 446, not 446.1439146).
    const lr = +t.rate.toPrecision(3);
    const restored = t.restore();
    const what =
      loss === null
        ? msg('worker.diverged.nan', { batch, lr })
        : msg('worker.diverged.exploded', { batch, lr, loss: Math.round(loss) });
    if (!restored) {
      this.post({
        type: 'diverged',
        batch,
        restoredBatch: null,
        testAccuracy: null,
        message: msg('worker.diverged.noRestore', { what }),
      });
    } else {
      const r = await t.evaluate();
      this.post({
        type: 'diverged',
        batch,
        restoredBatch: restored.batch,
        testAccuracy: r.accuracy,
        message: msg('worker.diverged.restored', {
          what,
          batch: restored.batch,
          accuracy: r.accuracy.toFixed(4),
          suggestion: +(lr / 30).toPrecision(1),
        }),
      });
    }
    this.post({ type: 'state', state: 'paused' });
  }

  private async endEpoch(t: Trainer): Promise<boolean> {
    t.nextEpoch();
    this.post({ type: 'busy', batchMs: this.batchMs }); // evaluating 10,000 images blocks on wasm/cpu
    const { result: r, extras, summary } = await this.profile.timeAsync('evaluate', () => t.evaluateEpoch());
    this.post({ type: 'epochEnd', ...summary, evalMs: r.ms });
    this.post({ type: 'confusion', epoch: t.epoch, confusion: r.confusion });
    if (extras.mine)
      this.post({
        type: 'myDigitsEval',
        epoch: t.epoch,
        version: extras.mine.version,
        predicted: extras.mine.predicted,
      });
    if (!(await this.checkpoint(t))) return false;
    if (this.insightsDue()) await this.sendHistograms(t);
    if (t.config.epochLimit > 0 && t.epoch >= t.config.epochLimit) this.running = false;
    this.throughput.restart(); // examples/s of training: the evaluation's seconds are not in it
    return true;
  }

  private async trainOne(t: Trainer): Promise<boolean> {
    // A slow step cannot answer pings while it runs: say so first, so the page's watchdog does not kill it.
    if (this.batchMs > 2000) this.post({ type: 'busy', batchMs: this.batchMs });
    const t0 = performance.now();
    t.trainBatch(this.profile);
    this.batchMs = performance.now() - t0;
    if (t.epochDone) {
      if (!(await this.flush(t))) return false;
      return this.endEpoch(t);
    }
    return true;
  }

  private async loop(t: Trainer) {
    const generation = this.generation;
    const current = () => generation === this.generation;
    this.throughput.restart();
    this.insightMs = 0;
    this.loopStart = performance.now();
    this.profile.restart();
    let lastFlush = performance.now(),
      lastYield = lastFlush,
      lastSnap = lastFlush;
    this.lastInsight = lastFlush;
    this.insightCount = 0;
    try {
      this.post({ type: 'busy', batchMs: this.batchMs }); // the first step compiles kernels
      if (!(await this.checkpoint(t, true))) return;
      while (this.running && current()) {
        if (this.lost) throw new Error(this.lost);
        if (!(await this.trainOne(t))) return;
        const now = performance.now();
        if (now - lastSnap >= this.snapshotInterval) {
          if (!(await this.flush(t)) || !(await this.checkpoint(t))) return; // only checked weights are kept
          lastSnap = performance.now();
        }
        if (now - lastFlush >= 100 || t.pendingCount >= 64) {
          if (!(await this.flush(t))) return;
          lastFlush = performance.now();
        }
        if (this.insightsDue()) await this.sendHistograms(t);
        if (now - lastYield >= 20) {
          const y0 = performance.now();
          await yieldTask();
          lastYield = this.profile.add('yield', y0);
        }
      }
      if (!current()) return;
      if (!(await this.flush(t))) return;
      // Paused: the page's copy (for restarting a dead worker) becomes exactly these checked weights.
      if (!(await this.checkpoint(t, true))) return;
      this.post({ type: 'state', state: 'paused' });
      await this.sendHistograms(t); // the paused page shows the weights as they are now
    } catch (e) {
      if (!current()) return;
      // On a GPU backend an error mid-training means the device is gone or broken: move to another backend.
      const gpu = this.lost !== null || /webgl|webgpu/.test(t.backendName);
      this.running = false;
      if (gpu) await this.onBackendLost(this.lost ?? errorText(e), true);
      else this.fail(msg('worker.trainingStopped', { detail: errorText(e) }));
    }
  }
}
