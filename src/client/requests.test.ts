// Requests to the worker always settle: with their reply, the worker's refusal, a timeout, or a rejection when the
// worker is replaced; late replies are dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { msg } from '../model/msg';
import { RequestError, Requests } from './requests';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof RequestError ? e.text.key : 'other'),
  );

describe('Requests', () => {
  it('resolves with the reply carrying its rid, and only that one', async () => {
    const r = new Requests();
    const a = r.open('getSample', 1000);
    const b = r.open('getSample', 1000);
    r.settle({
      type: 'reply',
      rid: b.rid,
      request: 'getSample',
      answer: { index: 3, label: 7, pixels: new Uint8Array(784) },
    });
    expect((await b.reply).label).toBe(7);
    expect(r.size).toBe(1);
    r.settle({
      type: 'reply',
      rid: a.rid,
      request: 'getSample',
      answer: { index: 1, label: 2, pixels: new Uint8Array(784) },
    });
    expect((await a.reply).label).toBe(2);
  });

  it("rejects with the worker's reason when it refuses", async () => {
    const r = new Requests();
    const a = r.open('getWeights', 1000);
    r.settle({ type: 'failed', rid: a.rid, message: msg('worker.notReady') });
    expect(await reason(a.reply)).toBe('worker.notReady');
  });

  it('rejects after the timeout and drops the late reply', async () => {
    const r = new Requests();
    const a = r.open('getWeights', 5000);
    const outcome = reason(a.reply);
    vi.advanceTimersByTime(5001);
    expect(await outcome).toBe('worker.requestTimeout');
    expect(() =>
      r.settle({ type: 'reply', rid: a.rid, request: 'getWeights', answer: { batch: 1, epoch: 0, weights: [] } }),
    ).not.toThrow();
    expect(r.size).toBe(0);
  });

  it('rejects everything in flight when the worker is replaced', async () => {
    const r = new Requests();
    const a = reason(r.open('loadSession', 60_000).reply);
    const b = reason(r.open('exportModel', 60_000).reply);
    r.rejectAll(msg('worker.requestLost'));
    expect([await a, await b]).toEqual(['worker.requestLost', 'worker.requestLost']);
  });

  it('rejects a reply of the wrong kind', async () => {
    const r = new Requests();
    const a = r.open('getWeights', 1000);
    r.settle({ type: 'reply', rid: a.rid, request: 'loadSession', answer: { batch: 0, epoch: 0 } });
    expect(await reason(a.reply)).toBe('worker.error');
  });
});
