// The service worker (vite-plugin-pwa / Workbox) precaches the app shell: HTML, JS, CSS and the tfjs .wasm
// files. The MNIST files are cached by the training worker itself as it downloads them (worker/dataCache.ts),
// so the first visit downloads them once, not twice. Only production builds register it.
import { registerSW } from 'virtual:pwa-register';
import { patch } from '../store/store';

export function registerOffline() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onOfflineReady: () => patch('ui', { offlineReady: true }),
    // Already installed by an earlier visit: also ready.
    onRegisteredSW: (_url, reg) => {
      if (reg?.active) patch('ui', { offlineReady: true });
    },
    onRegisterError: (e) => console.warn('service worker not registered: the app will need the network', e),
  });
}
