import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PIXELS } from '../../model/spec';

/** The 28×28 image actually fed to the model (white ink on black), scaled up with square pixels. */
export default function InputPreview({ input }: { input: number[] | null }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current?.getContext('2d');
    if (!c) return;
    const img = c.createImageData(28, 28);
    for (let i = 0; i < PIXELS; i++) {
      const v = Math.round(255 * (input?.[i] ?? 0));
      img.data.set([v, v, v, 255], i * 4);
    }
    c.putImageData(img, 0, 0);
  }, [input]);
  return (
    <figure className="preview">
      <canvas
        ref={canvas}
        width={28}
        height={28}
        data-testid="draw.input-preview"
        role="img"
        aria-label={t('draw.preview')}
      />
      <figcaption>{t('draw.previewCaption')}</figcaption>
    </figure>
  );
}
