// The service worker (vite-plugin-pwa / Workbox) precaches the app shell: HTML, JS, CSS and the tfjs .wasm
// files. The MNIST files are cached by the training worker itself as it downloads them (worker/dataCache.ts),
// so the first visit downloads them once, not twice. Only production builds register it.
// A new version never reloads the page by itself (it could land under a training run): it waits, the page says
// so (UpdateBanner), and the person chooses when to reload.
import { registerSW } from 'virtual:pwa-register';
import { isolateOnce } from './isolation';

let update: ((reload?: boolean) => Promise<void>) | null = null;

/** What the page does when the service worker is ready or has a newer version waiting. */
export type OfflineEvents = { ready: () => void; updateWaiting: () => void; trainedBatches: () => number };

export function registerOffline(on: OfflineEvents) {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onOfflineReady: on.ready,
    onNeedRefresh: on.updateWaiting,
    // Already installed by an earlier visit: also ready.
    onRegisteredSW: (_url, reg) => {
      if (reg?.active) on.ready();
    },
    onRegisterError: (e) => console.warn('service worker not registered: the app will need the network', e),
  });
  isolateOnce(on.trainedBatches);
}

/** Activates the waiting version and reloads (the unsaved-training guard still asks first). */
export function applyUpdate() {
  void update?.(true);
}
