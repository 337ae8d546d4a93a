// Notices when the GPU under a backend goes away (WebGL context lost, WebGPU device lost), and can cause
// that on purpose for tests. tfjs keeps its context and device private, hence the narrow casts.
import * as tf from '@tensorflow/tfjs';

type WebGLBackendish = { gpgpu?: { gl?: WebGL2RenderingContext } };
type WebGPUBackendish = { device?: GPUDevice };

const watched = new WeakSet<object>();

/** Calls onLost(reason, backend) once if the current backend's GPU is lost. */
export function watchBackend(onLost: (reason: string, backend: string) => void) {
  const name = tf.getBackend();
  const b = tf.backend() as unknown as WebGLBackendish & WebGPUBackendish;
  if (name === 'webgl' && b.gpgpu?.gl && !watched.has(b.gpgpu.gl)) {
    const gl = b.gpgpu.gl;
    watched.add(gl);
    // A lost context can leave tfjs waiting forever on a read-back, so the event alone is not enough: poll too.
    let fired = false;
    const lost = () => {
      if (fired) return;
      fired = true;
      clearInterval(poll);
      onLost('the WebGL context was lost', name);
    };
    const poll = setInterval(() => gl.isContextLost() && lost(), 500);
    (gl.canvas as OffscreenCanvas | HTMLCanvasElement).addEventListener('webglcontextlost', lost);
  }
  if (name === 'webgpu' && b.device && !watched.has(b.device)) {
    watched.add(b.device);
    b.device.lost.then((info) => onLost(`the WebGPU device was lost (${info.reason || 'unknown reason'})`, name));
  }
}

/** Test hook: makes the current GPU backend unusable the way a driver reset or a lost device would. */
export function loseBackend(): boolean {
  const b = tf.backend() as unknown as WebGLBackendish & WebGPUBackendish;
  if (tf.getBackend() === 'webgl' && b.gpgpu?.gl) {
    b.gpgpu.gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  }
  if (tf.getBackend() === 'webgpu' && b.device) {
    b.device.destroy();
    return true;
  }
  return false;
}
