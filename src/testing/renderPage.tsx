// Component tests render real components against the real store and catalogue (English), with the worker client
// replaced by testing/fakeClient.ts. Each test starts from the store's initial state.
import { cleanup, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { useStore, type AppState } from '../store/store';
import { fake } from './fakeClient';

export function setUpPageTests() {
  beforeAll(() => void initI18n('en'));
  beforeEach(() => {
    useStore.setState(useStore.getInitialState(), true);
    fake.reset();
  });
  afterEach(cleanup);
}

/** Renders `ui` after merging `state` into the store (slices shallow-merged). */
export function renderWith(ui: ReactElement, state: { [K in keyof AppState]?: Partial<AppState[K]> } = {}) {
  const s = useStore.getState();
  for (const k of Object.keys(state) as (keyof AppState)[])
    useStore.setState({ [k]: { ...s[k], ...state[k] } } as Partial<AppState>);
  return render(ui);
}
