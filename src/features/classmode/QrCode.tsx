// The challenge link as a QR code for the projector, drawn by the `qrcode` library (loaded on first use, so the
// page's first load does not carry it). Error correction M: a projected code is read from across a room.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export default function QrCode({ text, size }: { text: string; size: number }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toCanvas(canvas.current!, text, { errorCorrectionLevel: 'M', width: size, margin: 2 }))
      .then(() => live && setFailed(null))
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [text, size]);
  return (
    <figure className="qr">
      <canvas ref={canvas} data-testid="challenge.qr" role="img" aria-label={t('challenge.qrLabel')} />
      {failed && (
        <figcaption className="field-error" role="alert">
          {t('challenge.qrFailed', { detail: failed })}
        </figcaption>
      )}
    </figure>
  );
}
