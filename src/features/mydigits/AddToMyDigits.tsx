// By the pad: keep the drawing as one of my digits, with the predicted digit as its label unless the person picks
// another (one tap on the select).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stroke } from '../../data/strokes';
import { argMax } from '../../model/argMax';
import DigitOptions from '../../ui/DigitOptions';
import { useStore } from '../../store/store';
import { useMsg } from '../../i18n/translate';
import type { Msg } from '../../model/msg';
import { addDigit } from './actions';

type Props = {
  /** The pad's current strokes (canvas pixels), or null for a test image. */
  strokes: () => Stroke[] | null;
};

export default function AddToMyDigits({ strokes }: Props) {
  const { t } = useTranslation();
  const render = useMsg();
  const input = useStore((s) => s.draw.input);
  const probs = useStore((s) => s.draw.probs);
  const predicted = input && probs ? argMax(probs) : 0;
  // A label picked for this drawing: it holds while the drawing grows (the input changes with every stroke and
  // every paced prediction) and goes back to following the prediction once the pad is cleared.
  const [picked, setPicked] = useState<number | null>(null);
  const [said, setSaid] = useState<Msg | null>(null);
  if (picked !== null && input === null) setPicked(null);
  const label = picked ?? predicted;
  return (
    <div className="mine-add">
      <button
        data-testid="mydigits.add"
        disabled={!input}
        title={t('mine.addTitle')}
        onClick={() => {
          if (!input) return;
          setSaid(addDigit(label, input, strokes()));
        }}
      >
        {t('mine.add')}
      </button>
      <label>
        {t('mine.label')}{' '}
        <select data-testid="mydigits.label" value={label} onChange={(e) => setPicked(Number(e.target.value))}>
          <DigitOptions />
        </select>
      </label>
      {said && (
        <span className="muted" role="status">
          {render(said)}
        </span>
      )}
    </div>
  );
}
