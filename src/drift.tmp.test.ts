import * as tf from '@tensorflow/tfjs';
import { it } from 'vitest';
import { presetById } from './model/presets';
import { DEFAULT_CONFIG } from './model/training';
import { readMnist } from './testing/mnistFiles';
import { useNodeWasm } from './worker/diagnostics/nodeWasm';
import { replayRun } from './worker/replay/replayRun';
import { setFastCpuMatMul } from './worker/kernels/cpu/fastCpuMatMul';

it('drift', async () => {
  const m = readMnist();
  const data = { trainPixels: m.trainPixels, trainLabels: m.trainLabels, testPixels: m.testPixels, testLabels: m.testLabels };
  const out: string[] = [];
  for (const seed of [42, 1, 2]) {
    const plan = { start: { network: presetById('mlp-seed').network, config: { ...DEFAULT_CONFIG, seed } }, changes: [], epochs: 1 };
    await useNodeWasm();
    const t0 = performance.now();
    const w = await replayRun(data, plan);
    const w2 = await replayRun(data, plan);
    const tw = (performance.now() - t0) / 2000;
    await tf.setBackend('cpu');
    setFastCpuMatMul(true);
    const c = await replayRun(data, plan);
    out.push(`seed ${seed}: wasm ${w} (again ${w2}, ${tw.toFixed(1)} s) cpu ${c} diff ${(w[0] - c[0]).toFixed(4)}`);
    console.log(out.at(-1));
  }
  console.log(out.join('\n'));
}, 1_200_000);
