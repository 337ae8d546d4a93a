// Text meant for people, produced where no language is known (pure modules, the worker): a catalogue key
// and the values to put into it. The page turns it into English or Chinese (src/i18n/translate.ts).

export type MsgValue = string | number | Msg;
export type Msg = { key: string; values?: Record<string, MsgValue> };

export const msg = (key: string, values?: Record<string, MsgValue>): Msg => (values ? { key, values } : { key });

export const isMsg = (x: unknown): x is Msg =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Msg).key === 'string' &&
  ((x as Msg).values === undefined || typeof (x as Msg).values === 'object');

const MSG_KEY = /^[A-Za-z][\w.-]{0,80}$/;
const VALUE_NAME = /^\w{1,32}$/;

/**
 * How deep a Msg from outside may nest, and how many Msgs it may hold. The app's own deepest is a marker for
 * one change of every hyperparameter and 40 dropout rates at once ("change.list" chains them: ~50 deep), so a
 * saved session always opens again; a file's 5,000-deep chain does not.
 */
export const MAX_MSG_DEPTH = 64;
const MAX_MSG_NODES = 512;

/**
 * A Msg from outside (a session file, IndexedDB): checked all the way down, so rendering it cannot recurse
 * deeply, meet null or non-finite values, or print megabytes.
 */
export function isSafeMsg(x: unknown, maxDepth = MAX_MSG_DEPTH): x is Msg {
  let budget = MAX_MSG_NODES;
  const check = (m: unknown, depth: number): boolean => {
    if (--budget < 0 || typeof m !== 'object' || m === null || Array.isArray(m)) return false;
    const { key, values } = m as { key?: unknown; values?: unknown };
    if (typeof key !== 'string' || !MSG_KEY.test(key)) return false;
    if (Object.keys(m).some((k) => k !== 'key' && k !== 'values')) return false;
    if (values === undefined) return true;
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
    const entries = Object.entries(values);
    if (entries.length > 16) return false;
    return entries.every(
      ([k, v]) =>
        VALUE_NAME.test(k) &&
        ((typeof v === 'string' && v.length <= 1000) ||
          (typeof v === 'number' && Number.isFinite(v)) ||
          (depth > 0 && check(v, depth - 1))),
    );
  };
  return check(x, maxDepth);
}

/**
 * A Msg from outside, rebuilt as plain data: a fresh object with only `key` and checked `values` (no
 * prototype-named keys), or null when it is not a safe Msg.
 */
export function decodeMsg(x: unknown, maxDepth = MAX_MSG_DEPTH): Msg | null {
  if (!isSafeMsg(x, maxDepth)) return null;
  return rebuild(x);
}

function rebuild(m: Msg): Msg {
  if (!m.values) return { key: m.key };
  const values: Record<string, MsgValue> = {};
  for (const [k, v] of Object.entries(m.values)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    values[k] = typeof v === 'object' ? rebuild(v) : v;
  }
  return { key: m.key, values };
}
