import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { contentSecurityPolicy, CSP_HEADER } from './build/csp.ts';
import { tfjsWasmThreads } from './build/tfjsWasmThreads.ts';

// WASM threads need SharedArrayBuffer, which needs cross-origin isolation on every server we use.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // Relative URLs everywhere: the same build works at the root of a server or under any path
  // (/courses/ml/playground/), and from `npm run preview:static`.
  base: './',
  plugins: [
    react(),
    tfjsWasmThreads(),
    contentSecurityPolicy(isolation),
    // Offline after the first visit: Workbox precaches the app shell (incl. the tfjs .wasm files); the MNIST
    // files are cached by the training worker as it downloads them (src/worker/data/dataCache.ts).
    VitePWA({
      // Our own service worker (src/sw/sw.ts): Workbox's precache plus the isolation headers for hosts without them.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      // A new version waits for the person's "reload" (src/services/offline.ts): never a reload under a training run.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'MNIST Playground',
        short_name: 'MNIST',
        description: 'Build, train and probe neural networks on MNIST, in the browser.',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      injectManifest: {
        // woff2: KaTeX's fonts for the learning step.
        globPatterns: ['**/*.{js,css,html,svg,wasm,webmanifest,woff2}'],
        globIgnores: ['data/**'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ],
  server: { headers: isolation },
  preview: { headers: { ...isolation, 'Content-Security-Policy': CSP_HEADER } },
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  // Dev server: tfjs-backend-wasm is pre-bundled like the rest (its .wasm files are passed to setWasmPaths as URLs),
  // with the same fix for its threads as the build gets.
  optimizeDeps: { rolldownOptions: { plugins: [tfjsWasmThreads()] } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Fonts stay files: the Content Security Policy allows fonts from 'self' only, not data: URLs.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
  // Component tests (*.test.tsx) say `@vitest-environment jsdom` in their first line; the rest run in Node.
  test: { include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
