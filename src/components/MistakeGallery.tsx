import PixelImage from '../charts/PixelImage';
import type { Cell } from '../store/store';

/** The test images of the chosen confusion cell, with the model's top three guesses for each. */
export default function MistakeGallery({ cell }: { cell: Cell }) {
  const { actual, predicted, total, items } = cell;
  return (
    <div className="gallery" aria-live="polite">
      <h3>
        {actual === predicted ? `Correctly recognised ${actual}s` : `${actual}s taken for ${predicted}s`}: {total} image{total === 1 ? '' : 's'}
        {total > items.length && <span className="muted"> (the {items.length} most confident shown)</span>}
      </h3>
      {items.length === 0 && <p className="muted">No test image falls in this cell.</p>}
      <ul className="gallery-items">
        {items.map((it) => {
          const top = it.probs.map((p, d) => ({ p, d })).sort((a, b) => b.p - a.p).slice(0, 3);
          return (
            <li key={it.index} data-testid="insight.gallery-item">
              <PixelImage values={it.pixels} side={28} mode="gray" scale={1 / 255} size={56} label={`Test image ${it.index}, a ${actual}`} />
              <span className="gallery-probs">
                {top.map((t) => (
                  <span key={t.d}>
                    {t.d}: {(100 * t.p).toFixed(0)}%
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
