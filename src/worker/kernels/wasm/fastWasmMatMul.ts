// tfjs-backend-wasm 4.22 runs a matrix product on XNNPACK only when neither side is transposed; with
// transposeA or transposeB it falls back to a naive C++ loop. Backpropagation asks for exactly those
// products (dW = xᵀ·dy, dx = dy·Wᵀ), so on wasm a Dense layer's backward pass ran ~9x slower than its
// forward pass. Measured in Node, wasm SIMD, 1 thread: x[128,784]ᵀ·dy[128,128] 13.3 ms with transposeA,
// 1.5 ms as transpose(x) (0.5 ms) then a plain product. These wrappers make the transposes explicit so every
// product reaches XNNPACK; results are the same products (checked in fastWasmMatMul.test.ts).
import * as tf from '@tensorflow/tfjs';
import type { KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { kernelSwitch, type Replacement } from '../kernelSwitch';

type Args = Parameters<KernelFunc>[0];

/** Swaps the last two axes: [..., m, n] → [..., n, m], on the wasm backend's own Transpose kernel. */
function transposeLast(x: TensorInfo, backend: Args['backend']): TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  const transpose = tf.getKernel('Transpose', 'wasm')!.kernelFunc;
  return transpose({ inputs: { x }, backend, attrs: { perm } as unknown as NamedAttrMap }) as TensorInfo;
}

const explicitTransposes: Replacement = (args, original) => {
  const { transposeA, transposeB } = args.attrs as { transposeA?: boolean; transposeB?: boolean };
  if (!transposeA && !transposeB) return original(args) as TensorInfo;
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  const backend = args.backend as Args['backend'] & { disposeData(id: object): void };
  const ta = transposeA ? transposeLast(a, backend) : a;
  const tb = transposeB ? transposeLast(b, backend) : b;
  try {
    return original({
      ...args,
      inputs: { ...args.inputs, a: ta, b: tb },
      attrs: { ...args.attrs, transposeA: false, transposeB: false },
    }) as TensorInfo;
  } finally {
    if (ta !== a) backend.disposeData(ta.dataId);
    if (tb !== b) backend.disposeData(tb.dataId);
  }
};

/**
 * Turns the fast products on or off for the wasm backend (on by default in the app; off for the plain
 * `model.fit` baseline of the benchmark, which measures stock tfjs). Safe to call before or after the
 * backend is initialised: the original setup functions are kept.
 */
export const setFastWasmMatMul = kernelSwitch('wasm', {
  BatchMatMul: explicitTransposes,
  _FusedMatMul: explicitTransposes,
});
