import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import PictureGrid from '../../charts/PictureGrid';
import type { WeightPictures } from '../../store/store';

/** Dense units fed by the image, as 28×28 pictures of their weights; convolution filters as k×k pictures. */
function WeightPicturesView({ layers }: { layers: WeightPictures[] }) {
  const { t } = useTranslation();
  if (layers.length === 0) return <p className="muted">{t('insight.noPictures')}</p>;
  return (
    <div className="weight-pictures">
      {layers.map((l) => {
        // 3 standard deviations: a few extreme weights should not wash out all the others.
        let sq = 0;
        for (const v of l.values) sq += v * v;
        const range = Math.max(1e-9, 3 * Math.sqrt(sq / Math.max(1, l.values.length)));
        return (
          <figure key={l.layer}>
            <figcaption>
              {t(l.kind === 'dense' ? 'insight.denseCaption' : 'insight.convCaption', {
                n: l.layer + 1,
                count: l.count,
                side: l.side,
                range: range.toPrecision(2),
              })}
            </figcaption>
            <PictureGrid
              values={l.values}
              count={l.count}
              side={l.side}
              range={range}
              cell={l.kind === 'dense' ? 40 : 36}
              label={t(l.kind === 'dense' ? 'insight.denseCaption' : 'insight.convCaption', {
                n: l.layer + 1,
                count: l.count,
                side: l.side,
                range: range.toPrecision(2),
              })}
            />
          </figure>
        );
      })}
    </div>
  );
}

// Memoised: the pad's predictions re-render the section around it several times a second while drawing.
export default memo(WeightPicturesView);
