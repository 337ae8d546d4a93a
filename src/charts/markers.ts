import { msg, type Msg } from '../model/msg';

/** A vertical line on a batch-axis chart; `short` is drawn on the chart, the full text is listed below it. */
export type Marker = { batch: number; short: string; kind: 'change' | 'diverged' };

/** The chart-label form of a change: "learning rate 0.002 → 0.01" becomes "lr 0.01" (key short.learningRate). */
export function shortLabel(m: Msg): Msg {
  if (m.key === 'change.list' && m.values) {
    const { first, rest } = m.values;
    return msg('change.list', {
      first: typeof first === 'object' ? shortLabel(first) : first,
      rest: typeof rest === 'object' ? shortLabel(rest) : rest,
    });
  }
  return m.key.startsWith('change.') ? { key: `short.${m.key.slice(7)}`, values: m.values } : m;
}
