// Vite plugin: makes tfjs-backend-wasm's multi-threaded build work after bundling.
// tfjs hands each pthread worker the threaded factory as `factory.toString()`; once a bundler has wrapped
// and minified that factory, its text refers to names outside itself ("e is not defined" in every thread).
// We hand the threads the package's original, self-contained factory source instead.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export function tfjsWasmThreads(): Plugin {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  const factorySource = readFileSync(join(pkgDir, 'wasm-out', 'tfjs-backend-wasm-threaded-simd.js'), 'utf8');
  const needle = '`var WasmBackendModuleThreadedSimd = ` +\n                    wasmFactoryThreadedSimd.toString()';
  return {
    name: 'tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js')) return null;
      if (!code.includes(needle))
        this.error('tfjs-wasm-threads: tfjs-backend-wasm changed; update build/tfjsWasmThreads.ts');
      return { code: code.replace(needle, JSON.stringify(factorySource)), map: null };
    },
  };
}
