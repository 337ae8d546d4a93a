import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import DrawPad from './DrawPad';
import InputPreview from './InputPreview';
import PredictionBars from './PredictionBars';

export default function DrawPanel() {
  const { t } = useTranslation();
  const input = useStore((s) => s.draw.input);
  const probs = useStore((s) => s.draw.probs);
  const state = useStore((s) => s.status.state);
  const [clearSignal, setClearSignal] = useState(0);
  const [image, setImage] = useState<Uint8Array | null>(null);
  const onInput = useCallback((pixels: Float32Array | null) => getBridge().predict(pixels), []);
  return (
    <div className="draw">
      <h2>{t('draw.heading')}</h2>
      <DrawPad onInput={onInput} clearSignal={clearSignal} image={image} />
      <div className="button-row">
        <button data-testid="draw.clear" onClick={() => setClearSignal((n) => n + 1)}>
          {t('draw.clear')}
        </button>
        <button
          data-testid="draw.sample"
          title={t('draw.sampleTitle')}
          disabled={state === 'loading' || state === 'error'}
          onClick={async () => {
            const s = await getBridge().sample();
            if (s) setImage(s.pixels);
          }}
        >
          {t('draw.sample')}
        </button>
      </div>
      <div className="draw-results">
        <InputPreview input={input} />
        <PredictionBars probs={probs} active={input !== null} />
      </div>
    </div>
  );
}
