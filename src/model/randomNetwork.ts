// Random valid networks, for checking our shape inference against what tfjs builds.
import { inferLayer, inferNetwork, type Shape } from './shapes';
import { ACTIVATIONS, INPUT_SHAPE, type LayerSpec, type NetworkSpec } from './spec';

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

export function randomNetwork(rand: () => number): NetworkSpec {
  for (;;) {
    const layers: LayerSpec[] = [];
    let shape: Shape = INPUT_SHAPE;
    const tryAdd = (l: LayerSpec) => {
      const info = inferLayer(l, shape);
      if (info.problem || !info.outputShape) return;
      layers.push(l);
      shape = info.outputShape;
    };
    const act = () =>
      pick(
        rand,
        ACTIVATIONS.filter((a) => a !== 'softmax'),
      );
    for (let i = Math.floor(rand() * 4); i > 0; i--) {
      const r = rand();
      if (r < 0.45)
        tryAdd({
          kind: 'conv2d',
          filters: 1 + Math.floor(rand() * 12),
          kernelSize: 1 + Math.floor(rand() * 5),
          stride: 1 + Math.floor(rand() * 2),
          padding: pick(rand, ['same', 'valid'] as const),
          activation: act(),
        });
      else if (r < 0.7)
        tryAdd({
          kind: pick(rand, ['maxPool2d', 'avgPool2d'] as const),
          poolSize: 1 + Math.floor(rand() * 3),
          stride: 1 + Math.floor(rand() * 3),
        });
      else if (r < 0.8) tryAdd({ kind: 'batchNorm' });
      else if (r < 0.9) tryAdd({ kind: 'activation', activation: act() });
      else tryAdd({ kind: 'dropout', rate: Math.round(rand() * 50) / 100 });
    }
    tryAdd({ kind: 'flatten' });
    for (let i = Math.floor(rand() * 3); i > 0; i--) {
      const r = rand();
      if (r < 0.6) tryAdd({ kind: 'dense', units: 1 + Math.floor(rand() * 64), activation: act() });
      else if (r < 0.75) tryAdd({ kind: 'dropout', rate: Math.round(rand() * 50) / 100 });
      else if (r < 0.9) tryAdd({ kind: 'batchNorm' });
      else tryAdd({ kind: 'activation', activation: act() });
    }
    layers.push({ kind: 'dense', units: 10, activation: 'softmax' });
    const net = { layers };
    if (inferNetwork(net).problem === null) return net;
  }
}
