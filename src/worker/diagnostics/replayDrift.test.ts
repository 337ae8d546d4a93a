// How far a replay drifts from the run it repeats (`npm run replay-drift`; skipped in `npm test`, it only
// reports): the founding MLP for one epoch from seeds 42, 1 and 2, twice on wasm (the same backend: must agree
// exactly) and once on the plain-JS cpu backend (another backend: float rounding differs). The class board's
// Verify tolerance (features/classmode/verify.ts) rests on these numbers.
import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG } from '../../model/training';
import { readMnist } from '../../testing/mnistFiles';
import { setFastCpuMatMul } from '../kernels/cpu/fastCpuMatMul';
import { replayRun } from '../replay/replayRun';
import { useNodeWasm as switchToNodeWasm } from './nodeWasm';

it.skipIf(!process.env.REPLAY_DRIFT)(
  'replays of the founding MLP: same backend and another',
  async () => {
    const m = readMnist();
    const data = {
      trainPixels: m.trainPixels,
      trainLabels: m.trainLabels,
      testPixels: m.testPixels,
      testLabels: m.testLabels,
    };
    const lines: string[] = [];
    for (const seed of [42, 1, 2]) {
      const plan = {
        start: { network: presetById('mlp-seed').network, config: { ...DEFAULT_CONFIG, seed } },
        changes: [],
        epochs: 1,
      };
      await switchToNodeWasm();
      const t0 = performance.now();
      const [a] = await replayRun(data, plan);
      const seconds = (performance.now() - t0) / 1000;
      const [b] = await replayRun(data, plan);
      await tf.setBackend('cpu');
      setFastCpuMatMul(true);
      const [c] = await replayRun(data, plan);
      lines.push(
        `seed ${seed}: wasm ${a} (${seconds.toFixed(1)} s), wasm again ${b} (|Δ| ${Math.abs(a - b).toFixed(4)}), ` +
          `cpu ${c} (|Δ| ${Math.abs(a - c).toFixed(4)})`,
      );
      console.log(lines.at(-1));
    }
    console.log(`\n${lines.join('\n')}`);
  },
  1_200_000,
);
