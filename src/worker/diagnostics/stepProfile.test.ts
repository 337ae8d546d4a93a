// A per-kernel profile of one training step on wasm, with the app's kernels and with tfjs's stock ones, for the
// bench rows that stay under 1.5× (`npm run profile:wasm`; skipped in `npm test`, it only reports).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { expect, it } from 'vitest';
import { presetById, type PresetId } from '../../model/presets';
import { PIXELS } from '../../model/spec';
import { buildModel } from '../training/buildModel';
import { makeOptimizer } from '../training/optimizers';
import { trainStep } from '../training/trainStep';
import { setFastWasmMatMul } from '../kernels/wasm/fastWasmMatMul';
import { registerWasmConvGrad, setFastWasmConvInput } from '../kernels/wasm/wasmConvGrad';

const BATCH = Number(process.env.BATCH ?? 128);
const STEPS = 30;

/** Mean ms per step and per kernel over STEPS steps of Adam 0.002 at batch 128, after 5 warm-up steps. */
async function profile(preset: PresetId) {
  const { model } = buildModel(presetById(preset).network, 1);
  const opt = makeOptimizer({ optimizer: 'adam', learningRate: 0.002 });
  const x = Float32Array.from({ length: BATCH * PIXELS }, (_, i) => ((i * 7919) % 256) / 255);
  const y = Int32Array.from({ length: BATCH }, (_, i) => i % 10);
  const step = () => {
    const r = trainStep(model, opt, { x, y, batchSize: BATCH, l2: 0, withStats: false });
    r.loss.dataSync();
    tf.dispose([r.loss, r.acc]);
  };
  for (let i = 0; i < 5; i++) step();
  const t0 = performance.now();
  for (let i = 0; i < STEPS; i++) step();
  const batchMs = (performance.now() - t0) / STEPS;
  const kernels = new Map<string, number>();
  for (let i = 0; i < STEPS; i++)
    for (const k of (await tf.profile(step)).kernels)
      kernels.set(k.name, (kernels.get(k.name) ?? 0) + Number(k.kernelTimeMs) / STEPS);
  model.dispose();
  opt.dispose();
  return { batchMs, kernels: [...kernels].sort((a, b) => b[1] - a[1]) };
}

it.skipIf(!process.env.PROFILE)(
  'profile one training step on wasm, app kernels vs stock',
  async () => {
    setWasmPaths(new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url).pathname);
    await tf.setBackend('wasm');
    registerWasmConvGrad(); // stock tfjs has no wasm filter gradient: both columns use this one
    const lines: string[] = [];
    for (const preset of ['cnn-small', 'mlp-seed'] as const)
      for (const app of [true, false]) {
        setFastWasmConvInput(app);
        setFastWasmMatMul(app);
        const p = await profile(preset);
        expect(p.batchMs).toBeGreaterThan(0);
        lines.push(
          `${preset} ${app ? 'app kernels' : 'stock kernels'}: ${p.batchMs.toFixed(2)} ms/step, ${Math.round((BATCH * 1000) / p.batchMs)} examples/s`,
        );
        for (const [name, ms] of p.kernels.slice(0, 8)) lines.push(`  ${name.padEnd(26)} ${ms.toFixed(2)} ms`);
      }
    console.log(lines.join('\n'));
  },
  600_000,
);
