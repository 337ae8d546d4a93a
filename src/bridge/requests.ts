// Requests to the worker that expect one answer (weights, a session loaded, a sample...): each gets an id, settles
// with its reply or the worker's refusal, is rejected after a timeout, and is rejected when the worker it was
// sent to is replaced, so no caller waits forever.
import { msg, type Msg } from '../model/msg';
import type { WorkerReply } from '../protocol/fromWorker';

/** A request that did not get its answer; `text` says why, for people. */
export class RequestError extends Error {
  constructor(readonly text: Msg) {
    super(text.key);
    this.name = 'RequestError';
  }
}

type Pending = {
  answer: WorkerReply['type'];
  resolve: (m: WorkerReply) => void;
  reject: (e: RequestError) => void;
  timer: ReturnType<typeof setTimeout>;
};

export class Requests {
  private nextRid = 0;
  private pending = new Map<number, Pending>();

  /** Registers a request and returns its rid and the promise of its reply of type `answer`. */
  open<T extends Exclude<WorkerReply['type'], 'failed'>>(
    answer: T,
    timeoutMs: number,
  ): { rid: number; reply: Promise<Extract<WorkerReply, { type: T }>> } {
    const rid = ++this.nextRid;
    const reply = new Promise<Extract<WorkerReply, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(new RequestError(msg('worker.requestTimeout', { seconds: Math.round(timeoutMs / 1000) })));
      }, timeoutMs);
      this.pending.set(rid, { answer, resolve: resolve as (m: WorkerReply) => void, reject, timer });
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
    else if (m.type === p.answer) p.resolve(m);
    else p.reject(new RequestError(msg('worker.error', { detail: `answered ${m.type} to a ${p.answer} request` })));
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
