import { useTranslation } from 'react-i18next';
import PixelImage from '../charts/PixelImage';
import type { WeightPictures } from '../store/store';

/** Dense units fed by the image, as 28×28 pictures of their weights; convolution filters as k×k pictures. */
export default function WeightPicturesView({ layers }: { layers: WeightPictures[] }) {
  const { t } = useTranslation();
  if (layers.length === 0) return <p className="muted">{t('insight.noPictures')}</p>;
  return (
    <div className="weight-pictures">
      {layers.map((l) => {
        const n = l.side * l.side;
        // 3 standard deviations: a few extreme weights should not wash out all the others.
        let sq = 0;
        for (const v of l.values) sq += v * v;
        const range = Math.max(1e-9, 3 * Math.sqrt(sq / Math.max(1, l.values.length)));
        return (
          <figure key={l.layer}>
            <figcaption>
              {t(l.kind === 'dense' ? 'insight.denseCaption' : 'insight.convCaption', { n: l.layer + 1, count: l.count, side: l.side, range: range.toPrecision(2) })}
            </figcaption>
            <div className="picture-grid">
              {Array.from({ length: l.count }, (_, i) => (
                <PixelImage
                  key={i}
                  values={l.values.slice(i * n, (i + 1) * n)}
                  side={l.side}
                  mode="signed"
                  range={range}
                  size={l.kind === 'dense' ? 40 : 36}
                  label={t(l.kind === 'dense' ? 'insight.unit' : 'insight.filter', { i: i + 1, n: l.layer + 1 })}
                />
              ))}
            </div>
          </figure>
        );
      })}
    </div>
  );
}
