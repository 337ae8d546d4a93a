// Replacing tfjs kernels for one backend, reversibly: the app runs the faster ones, the benchmark's
// `model.fit` baseline switches back to tfjs's own.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

export type Replacement = (args: Parameters<KernelFunc>[0], stock: KernelFunc) => TensorInfo | TensorInfo[];

/** Returns set(on): registers each replacement (given tfjs's own kernel to fall back on) or the originals. */
export function kernelSwitch(backendName: string, replacements: Record<string, Replacement>): (on: boolean) => void {
  const originals = new Map<string, KernelConfig>();
  return (on) => {
    for (const [name, replace] of Object.entries(replacements)) {
      const current = tf.getKernel(name, backendName);
      if (!current) continue;
      if (!originals.has(name)) originals.set(name, current);
      const original = originals.get(name)!;
      tf.unregisterKernel(name, backendName);
      tf.registerKernel(on ? { ...original, kernelFunc: (args) => replace(args, original.kernelFunc) } : original);
    }
  };
}
