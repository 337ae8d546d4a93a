// The store writes component tests make: the initial state before each test, and the state a test starts from.
import { useStore, type AppState } from '../store/store';

/** Puts the store back to its initial state. */
export const resetStore = () => useStore.setState(useStore.getInitialState(), true);

/** Shallow-merges `state` into the store's slices (the state a test starts from). */
export function seedStore(state: { [K in keyof AppState]?: Partial<AppState[K]> }) {
  const s = useStore.getState();
  for (const k of Object.keys(state) as (keyof AppState)[])
    useStore.setState({ [k]: { ...s[k], ...state[k] } } as Partial<AppState>);
}
