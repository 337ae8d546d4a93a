// Hooks for the benchmarks and end-to-end tests (window.playgroundDebug): things a person cannot do from the
// page, such as crashing the worker or classifying a digit without drawing it.
import { drawingToInput, type Stroke } from '../data/strokes';
import { useStore } from '../store/store';
import type { WorkerClient } from '../client';
import { injectPanelFault } from '../ui/PanelBoundary';
import type { Part } from '../features/experiment';
import { RequestError } from '../client';

export type DebugHooks = ReturnType<typeof debugHooks>;

export function debugHooks(client: WorkerClient) {
  return {
    /** model.fit examples/s at the page's batch size and learning rate (the bench's baseline). */
    benchmarkFit: (backend: string, seconds: number) => {
      if (useStore.getState().status.backend !== backend) return Promise.reject(new Error(`select ${backend} first`));
      const { batchSize, learningRate } = useStore.getState().config.train;
      return client.request('benchmarkFit', { seconds, batchSize, learningRate }, (seconds + 120) * 1000);
    },
    /** The tfjs-examples way to `target` test accuracy, with the page's recipe (schedule and augmentation too). */
    fitToTarget: (target: number, maxEpochs: number) =>
      client.request('fitToTarget', { config: useStore.getState().config.train, target, maxEpochs }, 1_800_000),
    /** Where the training loop's time went since Train was last pressed (ms per part). */
    loopProfile: () => client.request('loopProfile', {}),
    killWorker: () => client.crashWorker(),
    /** Makes one panel throw on its next render, as a bug would (its error boundary takes over). */
    breakPanel: (part: Part) => injectPanelFault(part),
    /** Asks the worker for a test image and returns what happened: 'ok', or the message it was rejected with. */
    requestSample: () =>
      client.request('getSample', {}).then(
        () => 'ok',
        (e: unknown) => (e instanceof RequestError ? e.text.key : String(e)),
      ),
    /** Saliency of `pixels` for `cls` on the live weights, or the message it was refused with. */
    explain: (pixels: number[], cls: number) =>
      client.request('explain', { pixels: Float32Array.from(pixels), cls, versus: null, method: 'gradient' }).then(
        (r) => ({ min: Math.min(...r.values), max: Math.max(...r.values) }),
        (e: unknown) => (e instanceof RequestError ? JSON.stringify(e.text) : String(e)),
      ),
    loseBackend: () => client.send({ type: 'debugLoseBackend' }),
    /** The software-GPU kernels against tfjs's own, per backend this browser has (stops training). */
    checkGpuKernels: async () => {
      const { rows, leftovers } = await client.request('debugCheckGpuKernels', {}, 600_000);
      return { rows, leftovers };
    },
    /** Probabilities for a 784-value input without touching the pad (bench:draw's pipeline path). */
    classify: (pixels: number[]) => client.classify(Float32Array.from(pixels)),
    /** The model input the pad's preprocessing makes of strokes ([x, y] lists, any units), or null. */
    pipelineInput: (strokes: Stroke[]): number[] | null => {
      const x = drawingToInput(strokes);
      return x ? Array.from(x) : null;
    },
    /** The pad's current model input and its prediction, once the last drawing has been classified. */
    settledPrediction: async (): Promise<{ input: number[] | null; probs: number[] | null }> => {
      do {
        // Two frames: the pad preprocesses at most once per frame.
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      } while (!client.predictionIdle);
      const { input, probs } = useStore.getState().draw;
      return { input, probs };
    },
  };
}
