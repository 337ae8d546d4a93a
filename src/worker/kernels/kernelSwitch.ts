// Replacing tfjs kernels for one backend, reversibly: the app runs the faster ones, the benchmark's
// `model.fit` baseline switches back to tfjs's own.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';

export type Replacement = (args: Parameters<KernelFunc>[0], stock: KernelFunc) => TensorInfo | TensorInfo[];

/** set(on) registers the replacements or the originals; `set.on` says which are registered now. */
export type KernelSwitch = ((on: boolean) => void) & { readonly on: boolean };

/** Each replacement is given tfjs's own kernel to fall back on for cases it does not handle. */
export function kernelSwitch(backendName: string, replacements: Record<string, Replacement>): KernelSwitch {
  const originals = new Map<string, KernelConfig>();
  const state = { on: false };
  const set = (on: boolean) => {
    for (const [name, replace] of Object.entries(replacements)) {
      const current = tf.getKernel(name, backendName);
      if (!current) continue;
      if (!originals.has(name)) originals.set(name, current);
      const original = originals.get(name)!;
      tf.unregisterKernel(name, backendName);
      tf.registerKernel(on ? { ...original, kernelFunc: (args) => replace(args, original.kernelFunc) } : original);
    }
    state.on = on;
  };
  return Object.defineProperty(set, 'on', { get: () => state.on }) as KernelSwitch;
}
