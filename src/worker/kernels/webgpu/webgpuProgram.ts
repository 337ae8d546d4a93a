// Shared pieces of the plain WGSL programs (webgpuConv.ts, webgpuMatMul.ts): tfjs's WebGPUProgram shape with one
// invocation per output value (or per tile) and no workgroup memory, and the fused activations.
import type { TensorInfo } from '@tensorflow/tfjs';
import { webgpu_util, type WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

export type WebGPUBackend = {
  runWebGPUProgram(program: WebGPUProgram, inputs: TensorInfo[], dtype: 'float32'): TensorInfo;
  disposeData(dataId: object, force?: boolean): boolean;
};

/** WGSL for the fused activations tfjs-layers asks for; others (prelu) go to the stock kernel. NaN stays NaN. */
export const ACTIVATIONS: Record<string, (alpha: number) => string> = {
  linear: () => '',
  relu: () => 'acc = select(acc, 0.0, acc < 0.0);',
  relu6: () => 'acc = select(min(acc, 6.0), 0.0, acc < 0.0);',
  sigmoid: () => 'acc = 1.0 / (1.0 + exp(-acc));',
  elu: () => 'acc = select(acc, exp(acc) - 1.0, acc < 0.0);',
  leakyrelu: (alpha) => `acc = select(acc, ${wgslFloat(alpha)} * acc, acc < 0.0);`,
};
const wgslFloat = (v: number) => (Number.isInteger(v) ? `${v}.0` : String(v));

/**
 * `invocations` runs of `body` (default: one per output value, in row-major order), each seeing its `index`
 * and writing with setOutputAtIndex.
 */
export function flatProgram(
  outputShape: number[],
  shaderKey: string,
  variableNames: string[],
  body: string,
  invocations?: number,
): WebGPUProgram {
  const dispatchLayout = webgpu_util.flatDispatchLayout(outputShape);
  const workgroupSize: [number, number, number] = [64, 1, 1];
  // The uniforms must be read even when unneeded: tfjs binds them, and an unread binding is left out of the
  // pipeline's automatic layout, which then rejects the bind group.
  const guard = invocations === undefined ? 'index < uniforms.size' : `index < ${invocations} && uniforms.size > 0`;
  return {
    outputShape,
    shaderKey,
    variableNames,
    dispatchLayout,
    workgroupSize,
    dispatch:
      invocations === undefined
        ? webgpu_util.computeDispatch(dispatchLayout, outputShape, workgroupSize)
        : [Math.ceil(invocations / 64), 1, 1],
    size: true,
    getUserCode: () => `fn main(index : i32) {\n  if (${guard}) {\n${body}\n  }\n}`,
  };
}
