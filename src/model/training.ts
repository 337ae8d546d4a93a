// Training hyperparameters: plain data shared by the store, the URL and the worker.

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop';
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adam', 'rmsprop'];

export type TrainConfig = {
  optimizer: OptimizerName;
  learningRate: number;
  /** Examples per gradient step. */
  batchSize: number;
  /** Seeds weight initialisation and the per-epoch shuffles. */
  seed: number;
};

/**
 * Default recipe for `mlp-seed`: Adam, learning rate 0.002, batch 128 — the quickest to 97.5% test accuracy in
 * wall time among those measured in headless Chromium on wasm, 2 cores (node scripts/timeTo975.mjs):
 *   Adam 0.002 / 128: 59.8 s (epoch 5)    Adam 0.003 / 128: 66.4 s (epoch 5)
 *   Adam 0.003 / 256: 70.0 s (epoch 6)    Adam 0.002 /  64: 76.9 s (epoch 5)
 * SGD 0.1 / 64 needs about 9 epochs (DESIGN.md). Batch 128 halves per-batch overhead against 64 and Adam's
 * per-weight step sizes keep early epochs fast; larger batches need more epochs.
 */
export const DEFAULT_CONFIG: TrainConfig = { optimizer: 'adam', learningRate: 0.002, batchSize: 128, seed: 42 };

export const BATCH_SIZES: readonly number[] = [16, 32, 64, 128, 256, 512];

/** A readable problem with the config, or null when it can be used. */
export function configProblem(c: TrainConfig): string | null {
  if (!OPTIMIZERS.includes(c.optimizer)) return `Unknown optimizer "${String(c.optimizer)}".`;
  if (!(Number.isFinite(c.learningRate) && c.learningRate > 0 && c.learningRate <= 1000))
    return 'Learning rate must be a number above 0 and at most 1000.';
  if (!(Number.isInteger(c.batchSize) && c.batchSize >= 1 && c.batchSize <= 4096)) return 'Batch size must be a whole number from 1 to 4096.';
  if (!(Number.isInteger(c.seed) && c.seed >= 0 && c.seed <= 0xffffffff)) return 'Seed must be a whole number from 0 to 4294967295.';
  return null;
}
