import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import { LAYER_KINDS } from '../../model/layers';
import type { Activation } from '../../store/store';
import { PIXELS } from '../../model/spec';

const MAX_MAPS = 16;
const MAX_BARS = 128;

/** Every layer's output for the drawn digit: feature maps for image-shaped outputs, bars for vectors. */
export default function ActivationsView({ activations }: { activations: Activation[] }) {
  const { t } = useTranslation();
  if (activations.length === 0) return <p className="muted">{t('insight.drawFirst')}</p>;
  return (
    <ol className="activations">
      {activations.map((a) => {
        const label = `${a.layer + 1}. ${(LAYER_KINDS as readonly string[]).includes(a.name) ? t(`kind.${a.name}`) : a.name}`;
        let max = 1e-9;
        for (const v of a.values) max = Math.max(max, Math.abs(v));
        if (a.shape.length === 3) {
          const [h, w, c] = a.shape;
          const maps = Math.min(c, MAX_MAPS);
          return (
            <li key={a.layer}>
              <span className="act-label">
                {label}{' '}
                <span className="muted">
                  {a.shape.join('×')}
                  {c > maps ? t('insight.firstMaps', { n: maps }) : ''}
                </span>
              </span>
              <div className="picture-grid">
                {Array.from({ length: maps }, (_, k) => {
                  const plane = new Array<number>(h * w);
                  for (let i = 0; i < h * w; i++) plane[i] = a.values[i * c + k];
                  return (
                    <PixelImage
                      key={k}
                      values={plane}
                      side={h}
                      mode="gray"
                      scale={1 / max}
                      size={Math.max(28, Math.min(56, h * 2))}
                      label={t('insight.featureMap', { i: k + 1, n: a.layer + 1 })}
                    />
                  );
                })}
              </div>
            </li>
          );
        }
        if (a.values.length === PIXELS && a.name === 'flatten') {
          return (
            <li key={a.layer}>
              <span className="act-label">
                {label} <span className="muted">{t('insight.flatValues')}</span>
              </span>
              <PixelImage
                values={a.values}
                side={28}
                mode="gray"
                scale={1 / max}
                size={56}
                label={t('insight.flatImage', { label })}
              />
            </li>
          );
        }
        const n = Math.min(a.values.length, MAX_BARS);
        const last = a.layer === activations.length - 1;
        return (
          <li key={a.layer}>
            <span className="act-label">
              {label}{' '}
              <span className="muted">
                {t('insight.values', { n: a.values.length })}
                {a.values.length > n ? t('insight.firstValues', { n }) : ''}
                {last ? t('insight.probabilities') : ''}
              </span>
            </span>
            <svg
              className="bars"
              viewBox={`0 0 ${n} 20`}
              preserveAspectRatio="none"
              role="img"
              aria-label={t('insight.barsLabel', { label, n: a.values.length, max: max.toPrecision(2) })}
            >
              {Array.from({ length: n }, (_, i) => {
                const v = a.values[i] / max;
                return (
                  <rect
                    key={i}
                    x={i + 0.1}
                    width={0.8}
                    y={v >= 0 ? 10 - 10 * v : 10}
                    height={Math.abs(10 * v)}
                    fill={v >= 0 ? '#e69f00' : '#0072b2'}
                  />
                );
              })}
            </svg>
          </li>
        );
      })}
    </ol>
  );
}
