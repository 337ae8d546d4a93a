// Turns a Msg (key + values, from pure modules and the worker) into text in the current language; values
// that are themselves Msgs are translated first, so "Layer 3: {{problem}}" nests.
// Msgs may come from outside (session files, storage), so a Msg is plain data here: only the value names that
// the key's own templates use reach i18next (a value named `lng`, `ns` or `returnObjects` would otherwise be
// read as an option), and a Msg that still fails renders as text instead of throwing into React.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isMsg, MAX_MSG_DEPTH, type Msg, type MsgValue } from '../model/msg';
import { en } from './en';
import { zhCN } from './zhCN';

const CATALOGUES: Record<string, string>[] = [en, zhCN];
const NAME = /\{\{\s*(\w+)\s*\}\}/g;
const namesCache = new Map<string, ReadonlySet<string> | null>();

/** The value names a key's templates use, in any language; null for a key no catalogue has. */
export function templateNames(key: string): ReadonlySet<string> | null {
  const cached = namesCache.get(key);
  if (cached !== undefined) return cached;
  const templates = CATALOGUES.filter((c) => Object.prototype.hasOwnProperty.call(c, key)).map((c) => c[key]);
  const names = templates.length ? new Set(templates.flatMap((s) => [...s.matchAll(NAME)].map((m) => m[1]))) : null;
  namesCache.set(key, names);
  return names;
}

/** At most this many Msgs deep (as the decoder allows): deeper values render empty. */
const MAX_DEPTH = MAX_MSG_DEPTH;

/** A Msg as plain text, for keys no catalogue knows or a translation that failed. */
function fallback(m: Msg, depth: number): string {
  const values = isMsg(m) && m.values && typeof m.values === 'object' ? Object.values(m.values) : [];
  const parts = values.map((v) => valueText(v, depth + 1)).filter((s) => s !== '');
  return [String(isMsg(m) ? m.key : '').slice(0, 80), ...parts].join(' ').slice(0, 1000);
}

function valueText(v: unknown, depth: number): string {
  if (typeof v === 'string') return v.slice(0, 1000);
  if (typeof v === 'number') return String(v);
  return isMsg(v) && depth < MAX_DEPTH ? fallback(v, depth) : '';
}

function translateAt(t: TFunction, m: Msg, depth: number): string {
  try {
    const names = templateNames(m.key);
    if (names === null) return fallback(m, depth);
    if (!m.values || names.size === 0) return t(m.key);
    const values: Record<string, string | number> = {};
    for (const name of names) {
      if (!Object.prototype.hasOwnProperty.call(m.values, name)) continue;
      const v: MsgValue | undefined = m.values[name];
      values[name] = isMsg(v)
        ? depth < MAX_DEPTH
          ? translateAt(t, v, depth + 1)
          : ''
        : typeof v === 'number'
          ? v
          : String(v).slice(0, 1000);
    }
    const out: unknown = t(m.key, values);
    return typeof out === 'string' ? out : fallback(m, depth);
  } catch {
    return fallback(m, depth);
  }
}

/** Never throws: a damaged Msg comes back as its key and values as text. */
export const translate = (t: TFunction, m: Msg): string => translateAt(t, m, 0);

/** `tm(msg)` in components; re-renders when the language changes. */
export function useMsg() {
  const { t } = useTranslation();
  return useCallback((m: Msg) => translate(t, m), [t]);
}
