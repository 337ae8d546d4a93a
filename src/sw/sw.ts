// The service worker (built by vite-plugin-pwa's injectManifest from this file). Two jobs:
//  1. Offline: Workbox precaches the app shell (HTML, JS, CSS, the tfjs .wasm files, KaTeX's fonts); the MNIST
//     files are cached by the training worker itself (src/worker/data/dataCache.ts).
//  2. Cross-origin isolation on any host: every same-origin response it hands the page gets COOP/COEP (and CORP),
//     the headers WebAssembly threads need (SharedArrayBuffer) and that many static hosts cannot send. The page
//     reloads once after the first install to be served through it (src/services/isolation.ts).
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/** The response with the isolation headers added; opaque and error responses pass as they are. */
function isolated(r: Response | undefined | null): Response | undefined {
  if (!r || r.type === 'opaque' || r.type === 'opaqueredirect' || r.status === 0) return r ?? undefined;
  const headers = new Headers(r.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(r.body, { status: r.status, statusText: r.statusText, headers });
}

addPlugins([{ cachedResponseWillBeUsed: async ({ cachedResponse }) => isolated(cachedResponse) ?? null }]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any navigation inside the scope (with a query string, a hash link) is the app: index.html from the precache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
// Everything else of this origin (the MNIST files the worker downloads) from the network, with the headers too.
registerRoute(
  ({ url }) => url.origin === self.location.origin,
  new NetworkOnly({ plugins: [{ fetchDidSucceed: async ({ response }) => isolated(response) ?? response }] }),
);

// First install: take the open page at once (it then reloads once to be isolated). Updates wait for the person.
clientsClaim();
self.addEventListener('message', (e) => {
  if ((e.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
