// One submission on the class board: who, what they built, what it reached within the limits, their prediction,
// and Verify (a replay in the replay worker) with its verdict.
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { presetOf } from '../../model/presets';
import { useStore, type BoardEntry } from '../../store/store';
import { removeEntry, toggleOnCharts, verifyEntry } from './actions';
import { summarize } from './resultCode';

export default function BoardRow({ entry, rank }: { entry: BoardEntry; rank: number }) {
  const { t } = useTranslation();
  const tm = useMsg();
  const shown = useStore((s) => s.board.shown.includes(entry.code));
  const s = entry.submission;
  const g = summarize(s);
  const c = s.start.config;
  const name = s.name || t('board.noName');
  return (
    <tr data-testid="board.row" data-name={s.name} data-accuracy={g.best === null ? '' : g.best.toFixed(4)}>
      <td>{rank}</td>
      <th scope="row">{name}</th>
      <td className="num">{g.best === null ? '—' : `${(100 * g.best).toFixed(2)}%`}</td>
      <td className={g.met ? 'ok' : 'bad'}>{g.met ? t('board.metYes') : t('board.metNo')}</td>
      <td className="num">
        {g.params.toLocaleString()}
        {!g.withinParams && <span className="bad"> {t('board.overLimit')}</span>}
      </td>
      <td>
        {presetOf(s.start.network) ?? t('board.custom', { n: s.start.network.layers.length })} · {c.optimizer} lr{' '}
        {c.learningRate} b{c.batchSize}
        {s.changes.length > 0 && <> · {t('board.changes', { count: s.changes.length })}</>}
      </td>
      <td className="num">{t('board.epochs', { count: g.epochs, epoch: g.bestEpoch })}</td>
      <td>{s.backend}</td>
      <td className="verify">
        <span data-testid="board.verified" className={`verdict ${entry.verify}`}>
          {entry.verify}
        </span>{' '}
        <span className="muted small">
          {entry.verify === 'running'
            ? t('board.running', { pct: Math.round(100 * entry.progress) })
            : entry.verify === 'unverifiable'
              ? s.taints.map((x) => t(`taint.${x}`)).join('; ')
              : entry.note
                ? tm(entry.note)
                : ''}
        </span>{' '}
        <button
          data-testid="board.verify"
          disabled={entry.verify === 'running'}
          onClick={() => void verifyEntry(entry.code)}
          aria-label={t('board.verifyFor', { name })}
        >
          {t('board.verify')}
        </button>
      </td>
      <td>
        <button
          aria-pressed={shown}
          onClick={() => toggleOnCharts(entry.code)}
          aria-label={t('board.chartsFor', { name })}
        >
          {t('board.charts')}
        </button>{' '}
        <button
          className="link-button"
          onClick={() => removeEntry(entry.code)}
          aria-label={t('board.removeFor', { name })}
        >
          {t('board.remove')}
        </button>
      </td>
    </tr>
  );
}
