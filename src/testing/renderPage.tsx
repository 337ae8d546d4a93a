// Component tests render real components against the real store and catalogue (English), with the worker client
// replaced by testing/fakeClient.ts. Each test starts from the store's initial state.
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import type { AppState } from '../store/store';
import { resetStore, seedStore } from './actions';
import { fake } from './fakeClient';

export function setUpPageTests() {
  beforeAll(() => void initI18n('en'));
  beforeEach(() => {
    resetStore();
    fake.reset();
  });
  afterEach(cleanup);
}

/** Renders `ui` after merging `state` into the store (slices shallow-merged). */
export function renderWith(ui: ReactElement, state: { [K in keyof AppState]?: Partial<AppState[K]> } = {}) {
  seedStore(state);
  return render(ui);
}

/**
 * jsdom has no 2D canvas: a context whose every method does nothing and whose image data is blank 28×28 (enough
 * for components that draw pictures). Call in beforeAll.
 */
export function stubCanvas() {
  const noop = () => {};
  const ctx = new Proxy(
    {},
    {
      get: (_, k) => (k === 'createImageData' ? () => ({ data: new Uint8ClampedArray(28 * 28 * 4) }) : noop),
      set: () => true,
    },
  );
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    (() => ctx) as unknown as HTMLCanvasElement['getContext'],
  );
}
