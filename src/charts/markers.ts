/** A vertical line on a batch-axis chart; `short` is drawn on the chart, the full text is listed below it. */
export type Marker = { batch: number; short: string; kind: 'change' | 'diverged' };

/** Shortens "learning rate 0.002 → 0.01, optimizer adam → sgd" to "lr 0.01, sgd" for a chart label. */
export function shortLabel(label: string): string {
  return label
    .split(', ')
    .map((c) => c.replace(/^learning rate .* → /, 'lr ').replace(/^optimizer .* → /, '').replace(/^batch size .* → /, 'batch ').replace(/ .* → /, ' '))
    .join(', ');
}
