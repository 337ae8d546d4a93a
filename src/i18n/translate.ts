// Turns a Msg (key + values, from pure modules and the worker) into text in the current language; values
// that are themselves Msgs are translated first, so "Layer 3: {{problem}}" nests.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isMsg, type Msg } from '../model/msg';

export function translate(t: TFunction, m: Msg): string {
  if (!m.values) return t(m.key);
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values)) values[k] = isMsg(v) ? translate(t, v) : v;
  return t(m.key, values);
}

/** `tm(msg)` in components; re-renders when the language changes. */
export function useMsg() {
  const { t } = useTranslation();
  return useCallback((m: Msg) => translate(t, m), [t]);
}
