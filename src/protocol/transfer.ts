// Helpers shared by both sides of the worker boundary: what to transfer, and the guards every arriving message
// passes (derived from the three tables: commands, requests, events).
import { isMsg } from '../model/msg';
import { EVENTS, type FromWorker } from './fromWorker';
import { REQUESTS } from './requests';
import { isObject, passes } from './table';
import { COMMANDS, type ToWorker } from './toWorker';

export { unreachable } from './table';

/** Buffers to transfer (not copy) with a message: every typed array's buffer, each once, also inside arrays. */
export function transferablesOf(msg: ToWorker | FromWorker): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) out.add(v.buffer);
    } else if (depth < 6 && Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (depth < 6 && typeof v === 'object' && v !== null) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  visit(msg, 0);
  return [...out];
}

const hasRid = (m: Record<string, unknown>) => Number.isSafeInteger(m.rid);

/** Structural guard for what arrives at the worker; anything else is ignored with a warning. */
export function isToWorker(x: unknown): x is ToWorker {
  if (passes(COMMANDS, x)) return true;
  return passes(REQUESTS, x) && hasRid(x as Record<string, unknown>);
}

/**
 * Structural guard for what arrives at the page. A reply names its request; the page's pending request with that
 * rid must have the same name (client/requests.ts), so its answer is trusted to match the request's type.
 */
export function isFromWorker(x: unknown): x is FromWorker {
  if (passes(EVENTS, x)) return true;
  if (!isObject(x) || !hasRid(x)) return false;
  if (x.type === 'failed') return isMsg(x.message);
  return x.type === 'reply' && typeof x.request === 'string' && 'answer' in x;
}
