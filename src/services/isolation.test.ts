import { describe, expect, it } from 'vitest';
import { shouldReload, type IsolationState } from './isolation';

const base: IsolationState = { isolated: false, controlled: true, tried: false, batch: 0 };

describe('reloading for cross-origin isolation', () => {
  it('reloads a page the service worker controls but that loaded without isolation', () => {
    expect(shouldReload(base)).toBe(true);
  });
  it('never twice in a tab: where isolation is impossible the app runs without it (no loop)', () => {
    expect(shouldReload({ ...base, tried: true })).toBe(false);
  });
  it('not when already isolated (a server that sends the headers) or not yet controlled', () => {
    expect(shouldReload({ ...base, isolated: true })).toBe(false);
    expect(shouldReload({ ...base, controlled: false })).toBe(false);
  });
  it('not over training the person has done', () => {
    expect(shouldReload({ ...base, batch: 12 })).toBe(false);
  });
});
