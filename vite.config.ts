import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { tfjsWasmThreads } from './build/tfjsWasmThreads.ts';

// WASM threads need SharedArrayBuffer, which needs cross-origin isolation on every server we use.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), tfjsWasmThreads()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  // The wasm backend locates its .wasm files itself (setWasmPaths); pre-bundling would break that.
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
