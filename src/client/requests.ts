// Requests to the worker (protocol/requests.ts): each gets a rid, settles with the reply carrying that rid (its
// answer, or the worker's refusal), is rejected after a timeout, and is rejected when the worker it was sent to is
// replaced, so no caller waits forever.
import { msg, type Msg } from '../model/msg';
import type { Answer, RequestType, WorkerReply } from '../protocol/requests';

/** A request that did not get its answer; `text` says why, for people. */
export class RequestError extends Error {
  constructor(readonly text: Msg) {
    super(text.key);
    this.name = 'RequestError';
  }
}

/** Why a request failed, for people: the worker's own reason, or the error as text. */
export const failureText = (e: unknown): Msg =>
  e instanceof RequestError ? e.text : msg('worker.error', { detail: String(e) });

type Pending = {
  request: RequestType;
  resolve: (answer: unknown) => void;
  reject: (e: RequestError) => void;
  timer: ReturnType<typeof setTimeout>;
};

export class Requests {
  private nextRid = 0;
  private pending = new Map<number, Pending>();

  /** Registers a request of type `request`; returns its rid and the promise of its answer. */
  open<K extends RequestType>(request: K, timeoutMs: number): { rid: number; reply: Promise<Answer<K>> } {
    const rid = ++this.nextRid;
    const reply = new Promise<Answer<K>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new RequestError(msg('worker.requestTimeout', { seconds: Math.round(timeoutMs / 1000) })));
      }, timeoutMs);
      this.pending.set(rid, { request, resolve: resolve as (a: unknown) => void, reject, timer });
    });
    return { rid, reply };
  }

  /** A reply from the worker; replies to requests that already timed out or were rejected are dropped. */
  settle(m: WorkerReply) {
    const p = this.pending.get(m.rid);
    if (!p) return;
    this.pending.delete(m.rid);
    clearTimeout(p.timer);
    if (m.type === 'failed') p.reject(new RequestError(m.message));
    else if (m.request === p.request) p.resolve(m.answer);
    else p.reject(new RequestError(msg('worker.error', { detail: `${m.request} reply to ${p.request}` })));
  }

  /** Rejects everything in flight (the worker was replaced: it will never answer). */
  rejectAll(why: Msg) {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new RequestError(why));
    }
    this.pending.clear();
  }

  get size() {
    return this.pending.size;
  }
}
