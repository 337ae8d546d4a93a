// Backend registration, probing and choice. A backend is trusted only after it has run one real training
// step of the current model (a backend may lack a kernel the network needs: wasm in tfjs 4.22 lacked the
// convolution filter gradient until wasmConvGrad.ts supplied it). Software-emulated GPUs (SwiftShader,
// llvmpipe) are ranked after wasm: measured here they are 3-25x slower than wasm with threads and SIMD.
import { msg, type Msg } from '../../model/msg';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { NetworkSpec } from '../../model/spec';
import type { BackendChoice, BackendName } from '../../protocol/toWorker';
import { buildModel } from '../training/buildModel';
import { setFastCpuConv } from '../kernels/cpu/fastCpuConv';
import { setFastCpuMatMul } from '../kernels/cpu/fastCpuMatMul';
import { setFastWasmMatMul } from '../kernels/wasm/fastWasmMatMul';
import { registerWasmConvGrad } from '../kernels/wasm/wasmConvGrad';
import { setWebglSoftware, setWebgpuSoftware } from '../kernels/softwareGpu';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
// tfjs caps its pool at hardwareConcurrency / 2 (it assumes hyper-threading). Lifting that cap (tried by
// patching the core count) made training slower here: 3.3k instead of 5k examples/s on 2 cores, because the
// pool then competes with the worker's own JS and the page. So we ask for one thread per core and accept the cap.
// One thread instead, to leave a core to the page, was slower too (npm run bench, time to 97.5%, median of 3 on
// 2 cores: 8.0 s against 7.5 s).
setThreadsCount(Math.max(1, Math.min(8, globalThis.navigator?.hardwareConcurrency || 1)));
// Transposed matrix products on XNNPACK too: about 3x faster backward passes on wasm (fastWasmMatMul.ts).
setFastWasmMatMul(true);
// And a register-blocked product for the plain-JS cpu backend, convolutions through it (fastCpu*.ts).
setFastCpuMatMul(true);
setFastCpuConv(true);
// Convolutions train on wasm too (its missing filter gradient, wasmConvGrad.ts).
registerWasmConvGrad();
// tfjs refuses software WebGL by default; we accept it and rank it by speed instead.
tf.env().set('SOFTWARE_WEBGL_ENABLED', true);

export type Probe = { backend: BackendName; ok: boolean; software: boolean; detail: string; ms: number };

const SOFTWARE = /swiftshader|llvmpipe|software|basic render|microsoft basic/i;

async function isSoftware(name: BackendName): Promise<boolean> {
  try {
    if (name === 'webgpu') {
      const adapter = await navigator.gpu?.requestAdapter();
      if (!adapter) return true;
      const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
      const text = info ? `${info.vendor} ${info.architecture} ${info.description} ${info.device}` : '';
      return (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true || SOFTWARE.test(text);
    }
    if (name === 'webgl') {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
      if (!gl) return true;
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
      return SOFTWARE.test(renderer);
    }
  } catch {
    return true;
  }
  return false;
}

/** One SGD step of `net` on random data; returns the loss. */
async function oneStep(net: NetworkSpec): Promise<number> {
  const { model } = buildModel(net, 1);
  const opt = tf.train.sgd(0.01);
  try {
    const loss = tf.tidy(() => {
      const x = tf.randomUniform([4, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3], 'int32'), 10);
      return (
        opt.minimize(
          () => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar,
          true,
        ) ?? tf.scalar(NaN)
      );
    });
    const value = (await loss.data())[0];
    loss.dispose();
    return value;
  } finally {
    opt.dispose();
    model.dispose();
  }
}

/** Switches tfjs to `name` and runs one training step of `net` on random data. Never throws. */
export async function probeBackend(name: BackendName, net: NetworkSpec): Promise<Probe> {
  const t0 = performance.now();
  const done = (ok: boolean, detail: string, software = false): Probe => ({
    backend: name,
    ok,
    software,
    detail,
    ms: performance.now() - t0,
  });
  try {
    if (!(await tf.setBackend(name))) return done(false, 'not available in this browser');
    await tf.ready();
    const software = await isSoftware(name);
    // Software GPUs get kernels of their own (softwareGpu.ts); the probe step tries them first.
    const own = name === 'webgl' ? setWebglSoftware : name === 'webgpu' ? setWebgpuSoftware : null;
    own?.(software);
    let detail = 'trained one step';
    let value = await oneStep(net).catch((e: unknown) => (own?.on ? NaN : Promise.reject(e)));
    if (!Number.isFinite(value) && own?.on) {
      // Our shaders failed on this emulator: back to tfjs's own, slower here but tested on many more GPUs.
      own(false);
      value = await oneStep(net);
      detail = "trained one step with tfjs's own kernels";
    }
    if (!Number.isFinite(value)) return done(false, 'a training step gave a non-finite loss');
    if (name === 'wasm') {
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const n = getThreadsCount();
      // Threads need SharedArrayBuffer, which needs a cross-origin isolated page (server headers or our service
      // worker).
      const threads = globalThis.crossOriginIsolated
        ? `${n} thread${n === 1 ? '' : 's'}`
        : 'single-threaded: the page is not cross-origin isolated';
      detail = `${simd ? 'SIMD' : 'no SIMD'}, ${threads}`;
    }
    return done(true, detail, software);
  } catch (e) {
    return done(false, e instanceof Error ? e.message : String(e));
  }
}

/** Speed rank: hardware GPU first, then wasm, then software GPU, then plain JS. Lower is better. */
function rank(p: Probe): number {
  const order: Record<BackendName, number> = { webgpu: 0, webgl: 1, wasm: 2, cpu: 5 };
  return p.software && (p.backend === 'webgpu' || p.backend === 'webgl') ? order[p.backend] + 3 : order[p.backend];
}

/** Picks the backend for `choice` among confirmed probes, with a sentence saying why. */
export function chooseBackend(choice: BackendChoice, probes: Probe[]): { backend: BackendName; note: Msg } | null {
  const ok = probes.filter((p) => p.ok);
  if (ok.length === 0) return null;
  if (choice !== 'auto') {
    const p = ok.find((q) => q.backend === choice);
    if (p)
      return {
        backend: p.backend,
        note: msg(p.software ? 'backend.chosenSoftware' : 'backend.chosen', { backend: p.backend, detail: p.detail }),
      };
    const best = chooseBackend('auto', probes);
    const why = probes.find((q) => q.backend === choice)?.detail;
    return (
      best && {
        backend: best.backend,
        note: msg('backend.cannot', { choice, why: why ?? msg('backend.notTested'), backend: best.backend }),
      }
    );
  }
  const best = [...ok].sort((a, b) => rank(a) - rank(b))[0];
  const skipped = probes
    .filter((p) => rank(p) < rank(best) || (p.software && p.ok))
    .filter((p) => p.backend !== best.backend)
    .map((p) =>
      p.ok
        ? msg('backend.skippedSoftware', { backend: p.backend })
        : msg('backend.skipped', { backend: p.backend, detail: p.detail }),
    );
  const values = { backend: best.backend, detail: best.detail };
  if (skipped.length === 0) return { backend: best.backend, note: msg('backend.fastest', values) };
  // Up to three skipped backends, each its own Msg, so the sentence translates as a whole.
  return {
    backend: best.backend,
    note: msg(`backend.fastestSkipped${Math.min(skipped.length, 3)}`, {
      ...values,
      s1: skipped[0],
      s2: skipped[1] ?? '',
      s3: skipped[2] ?? '',
    }),
  };
}
