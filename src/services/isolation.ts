// Cross-origin isolation without server headers: the service worker (src/sw/sw.ts) adds COOP/COEP to what it
// serves, so a page it controls is isolated (SharedArrayBuffer, WebAssembly threads). A page loaded before the
// worker took control is not: reload it once. Never twice — where isolation is impossible (a browser without
// it, a worker that cannot start) the app runs single-threaded and the backend's tooltip says so.

const TRIED = 'mnist-playground-isolation-reload';

/**
 * Whether this tab already reloaded for isolation. Where site storage is blocked (a browser setting schools
 * use, which makes sessionStorage throw), nothing can be remembered across a reload, so the answer is yes:
 * never reload then, rather than risk a loop or a blank page.
 */
function triedBefore(): boolean {
  try {
    return sessionStorage.getItem(TRIED) !== null;
  } catch {
    return true;
  }
}

function remember(): boolean {
  try {
    sessionStorage.setItem(TRIED, '1');
    return true;
  } catch {
    return false;
  }
}

export type IsolationState = {
  isolated: boolean;
  /** A service worker controls the page (it answers the page's requests). */
  controlled: boolean;
  /** This tab already reloaded for isolation once. */
  tried: boolean;
  /** Batches trained since load: a reload would throw them away. */
  batch: number;
};

/** Reload only to gain isolation, at most once per tab, and never over training the person has done. */
export const shouldReload = (s: IsolationState) => !s.isolated && s.controlled && !s.tried && s.batch === 0;

/** Checks now and whenever the service worker takes control; `batch` reads the training counter. */
export function isolateOnce(batch: () => number): void {
  if (!('serviceWorker' in navigator)) return;
  const check = () => {
    const state: IsolationState = {
      isolated: globalThis.crossOriginIsolated === true,
      controlled: navigator.serviceWorker.controller !== null,
      tried: triedBefore(),
      batch: batch(),
    };
    if (!shouldReload(state) || !remember()) return;
    location.reload();
  };
  check();
  navigator.serviceWorker.addEventListener('controllerchange', check);
}
