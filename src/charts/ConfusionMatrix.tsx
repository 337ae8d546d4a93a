import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { css, viridis } from './palette';

type Props = {
  confusion: number[];
  selected: [number, number] | null;
  onSelect: (actual: number, predicted: number) => void;
};

/** 10×10 counts (rows = actual digit, columns = predicted) with per-class accuracy; every cell is a button. */
function ConfusionMatrix({ confusion, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const digits = [...Array(10).keys()];
  const rowTotal = digits.map((a) => digits.reduce((s, p) => s + confusion[a * 10 + p], 0));
  const total = rowTotal.reduce((a, b) => a + b, 0);
  const correct = digits.reduce((s, d) => s + confusion[d * 11], 0);
  return (
    <table
      className="confusion"
      data-testid="insight.confusion"
      aria-label={t('charts.confusionLabel', { correct, total })}
    >
      <caption>{t('charts.confusionCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('charts.confusionCorner')}</th>
          {digits.map((p) => (
            <th key={p} scope="col">
              {p}
            </th>
          ))}
          <th scope="col">{t('charts.accuracyColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {digits.map((a) => (
          <tr key={a}>
            <th scope="row">{a}</th>
            {digits.map((p) => {
              const n = confusion[a * 10 + p];
              const share = rowTotal[a] ? n / rowTotal[a] : 0;
              const shade = a === p ? share : Math.min(1, share * 8); // mistakes are rare: stretch them to be seen
              const isSel = selected?.[0] === a && selected?.[1] === p;
              return (
                <td key={p}>
                  <button
                    data-testid={`insight.confusion-${a}-${p}`}
                    className={`cell${a === p ? ' diag' : ''}${isSel ? ' selected' : ''}`}
                    style={{
                      background: n ? css(viridis(shade)) : '#f4f6f9',
                      color: shade > 0.6 ? '#14171c' : n ? '#fff' : '#8a93a0',
                    }}
                    aria-label={t('charts.confusionCell', { n, actual: a, predicted: p })}
                    aria-pressed={isSel}
                    onClick={() => onSelect(a, p)}
                  >
                    {n}
                  </button>
                </td>
              );
            })}
            <td className="row-acc">
              {rowTotal[a] ? `${((100 * confusion[a * 11]) / rowTotal[a]).toFixed(1)}%` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default memo(ConfusionMatrix);
