// One Adam step for one weight array on WebGL in three shader passes (new first moment, new second moment, new
// weights) instead of tfjs's ~12 element-wise ops, for software-emulated GPUs (softwareGpu.ts): under
// SwiftShader Adam took 10 of mlp-seed's 33 ms per step at batch 128 (SGD: 23 ms), most of it per-pass cost.
// Registered as the app's own kernel so it runs through tfjs's engine (tensors, disposal) like any op.
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { GlProgram, WebGLBackend } from './webglConv';

export const ADAM_KERNEL = 'PlaygroundAdamStep';

type Attrs = { beta1: number; beta2: number; epsilon: number };

const glFloat = (v: number) => v.toExponential(9);
const elementwise = (shape: number[], variableNames: string[], expression: string): GlProgram => ({
  variableNames,
  outputShape: shape,
  userCode: `void main() { ${variableNames.map((n) => `float ${n} = get${n[0].toUpperCase()}${n.slice(1)}AtOutCoords();`).join(' ')} setOutput(${expression}); }`,
});

/**
 * Inputs w, g, m, v (one shape) and the scalars accBeta1 = β₁ᵗ, accBeta2 = β₂ᵗ, lr (all on the GPU, so nothing
 * is read back). Outputs [w', m', v'] with tfjs's formula: m' = β₁m + (1−β₁)g, v' = β₂v + (1−β₂)g²,
 * w' = w − lr·(m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε).
 */
const adamStep: KernelFunc = ({ inputs, backend, attrs }) => {
  const { w, g, m, v, accBeta1, accBeta2, lr } = inputs as Record<string, TensorInfo>;
  const { beta1: b1, beta2: b2, epsilon } = attrs as unknown as Attrs;
  const gl = backend as unknown as WebGLBackend;
  const m1 = gl.runWebGLProgram(
    elementwise(m.shape, ['m', 'g'], `${glFloat(b1)} * m + ${glFloat(1 - b1)} * g`),
    [m, g],
    'float32',
  );
  const v1 = gl.runWebGLProgram(
    elementwise(v.shape, ['v', 'g'], `${glFloat(b2)} * v + ${glFloat(1 - b2)} * g * g`),
    [v, g],
    'float32',
  );
  // Scalars are read with get<Name>() (no coordinates).
  const update = elementwise(
    w.shape,
    ['w', 'm1', 'v1'],
    `w - getLr() * (m1 / (1.0 - getAccBeta1())) / (sqrt(v1 / (1.0 - getAccBeta2())) + ${glFloat(epsilon)})`,
  );
  update.variableNames.push('accBeta1', 'accBeta2', 'lr');
  const w1 = gl.runWebGLProgram(update, [w, m1, v1, accBeta1, accBeta2, lr], 'float32');
  return [w1, m1, v1];
};

tf.registerKernel({ kernelName: ADAM_KERNEL, backendName: 'webgl', kernelFunc: adamStep });

/** Runs the kernel; the caller owns the three tensors. */
export function webglAdamStep(
  inputs: Record<'w' | 'g' | 'm' | 'v' | 'accBeta1' | 'accBeta2' | 'lr', tf.Tensor>,
  attrs: Attrs,
): [tf.Tensor, tf.Tensor, tf.Tensor] {
  return tf.engine().runKernel(ADAM_KERNEL, inputs, attrs as unknown as NamedAttrMap) as unknown as [
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
  ];
}
