import { describe, expect, it } from 'vitest';
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
});
