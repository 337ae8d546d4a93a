import { useCallback, useState } from 'react';
import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';
import DrawPad from './DrawPad';
import InputPreview from './InputPreview';
import PredictionBars from './PredictionBars';

export default function DrawPanel() {
  const input = useStore((s) => s.draw.input);
  const probs = useStore((s) => s.draw.probs);
  const [clearSignal, setClearSignal] = useState(0);
  const onInput = useCallback((pixels: Float32Array | null) => getBridge().predict(pixels), []);
  return (
    <div className="draw">
      <h2>Draw a digit</h2>
      <DrawPad onInput={onInput} clearSignal={clearSignal} />
      <div className="button-row">
        <button data-testid="draw.clear" onClick={() => setClearSignal((n) => n + 1)}>
          Clear
        </button>
      </div>
      <div className="draw-results">
        <InputPreview input={input} />
        <PredictionBars probs={probs} active={input !== null} />
      </div>
    </div>
  );
}
