import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import Bars from './Bars';
import { channel, maxAbs } from './numbers';

/** Feature maps shown per array; the rest are summarised in a note. */
const MAX_MAPS = 8;

type Props = {
  /** Values of one layer for one image: [n] or [h, w, channels]. */
  values: number[];
  shape: number[];
  /** What they are, e.g. "z = Wx + b" (also the accessible name). */
  title: string;
  signed?: boolean;
  highlight?: number | null;
  testId?: string;
};

/** A layer's values: bars for a vector, small maps (one per channel) for convolution outputs. */
export default function LayerValues({ values, shape, title, signed = true, highlight = null, testId }: Props) {
  const { t } = useTranslation();
  if (shape.length === 1)
    return (
      <div className="layer-values" data-testid={testId}>
        <div className="layer-values-title">{title}</div>
        <Bars values={values} signed={signed} highlight={highlight} label={title} />
      </div>
    );
  const [h, w, ch] = shape;
  const range = maxAbs(values);
  const shown = Math.min(ch, MAX_MAPS);
  return (
    <div className="layer-values" data-testid={testId}>
      <div className="layer-values-title">{title}</div>
      <div className="maps">
        {Array.from({ length: shown }, (_, c) => (
          <PixelImage
            key={c}
            values={channel(values, shape, c)}
            side={w}
            rows={h}
            mode="signed"
            range={range}
            size={56}
            label={t('step.mapLabel', { title, n: c + 1 })}
          />
        ))}
      </div>
      {ch > shown && <div className="muted small">{t('step.mapsShown', { shown, total: ch })}</div>}
    </div>
  );
}
