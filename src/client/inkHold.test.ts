import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../protocol/fromWorker';
import { InkHold } from './inkHold';

describe('InkHold', () => {
  it('holds from pointer down until pointer up, and at most maxMs', () => {
    let t = 0;
    const hold = new InkHold(2000, () => t);
    expect(hold.holding).toBe(false);
    hold.set(true);
    t = 1999;
    expect(hold.holding).toBe(true);
    t = 2000;
    expect(hold.holding).toBe(false);
    hold.set(true);
    t = 2500;
    expect(hold.holding).toBe(true);
    hold.set(false);
    expect(hold.holding).toBe(false);
  });

  it('keeps only events that can wait, only while holding, and gives them back in order', () => {
    const hold = new InkHold(2000, () => 0);
    const progress = { type: 'progress' } as WorkerEvent;
    const epoch = { type: 'epochEnd' } as WorkerEvent;
    const state = { type: 'state', state: 'paused' } as WorkerEvent;
    expect(hold.keep(progress)).toBe(false);
    hold.set(true);
    expect([hold.keep(progress), hold.keep(epoch), hold.keep(state)]).toEqual([true, true, false]);
    // A busy notice passes beside what is held; a state change must come after it.
    expect(hold.mustReleaseBefore({ type: 'busy', batchMs: 0 })).toBe(false);
    expect(hold.mustReleaseBefore(state)).toBe(true);
    expect(hold.release()).toEqual([progress, epoch]);
    expect(hold.release()).toEqual([]);
  });
});
