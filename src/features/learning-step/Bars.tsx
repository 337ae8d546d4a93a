import { memo } from 'react';
import { maxAbs } from './numbers';

type Props = {
  values: ArrayLike<number>;
  /** Signed values grow up and down from a middle line (orange positive, blue negative); others grow up. */
  signed?: boolean;
  /** Bars drawn darker with a mark: the neuron the formulas follow. */
  highlight?: number | null;
  /** Labels under the bars (for 10 classes); without them only the shape is shown. */
  labels?: string[];
  /** A second series drawn as outlines over the first (e.g. probabilities after the update). */
  compare?: ArrayLike<number>;
  label: string;
  height?: number;
  testId?: string;
};

/** One bar per value, as SVG stretched to the width available; class labels (if any) as text under it. */
function Bars({ values, signed = false, highlight = null, labels, compare, label, height = 72, testId }: Props) {
  const n = values.length;
  const scale = maxAbs(compare ? [...Array.from(values), ...Array.from(compare)] : values);
  const W = Math.max(n, 10) * 4;
  const mid = signed ? height / 2 : height;
  const y = (v: number) => (signed ? (v / scale) * (height / 2) : (v / scale) * height);
  const bar = (v: number, i: number) => {
    const h = Math.abs(y(v));
    return { x: i * (W / n), w: Math.max(W / n - (n <= 32 ? 2 : 0.5), 0.5), top: v >= 0 ? mid - h : mid, h };
  };
  return (
    <figure className="step-bars" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} style={{ height }}>
        {signed && <line x1={0} x2={W} y1={mid} y2={mid} className="step-bars-axis" />}
        {Array.from(values, (v, i) => {
          const b = bar(v, i);
          return (
            <rect
              key={i}
              x={b.x}
              y={b.top}
              width={b.w}
              height={b.h}
              className={`${v < 0 ? 'neg' : 'pos'}${i === highlight ? ' hl' : ''}`}
            />
          );
        })}
        {compare &&
          Array.from(compare, (v, i) => {
            const b = bar(v, i);
            return <rect key={`c${i}`} x={b.x} y={b.top} width={b.w} height={b.h} className="after" />;
          })}
      </svg>
      {labels && (
        <div className="step-bars-labels" aria-hidden="true" style={{ gridTemplateColumns: `repeat(${n}, 1fr)` }}>
          {labels.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </div>
      )}
    </figure>
  );
}

export default memo(Bars);
