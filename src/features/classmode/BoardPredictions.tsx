// The class's predictions against what happened: each answer beside that student's result, the question on top.
import { useTranslation } from 'react-i18next';
import type { BoardEntry } from '../../store/store';
import { summarize } from './resultCode';

export default function BoardPredictions({ entries }: { entries: BoardEntry[] }) {
  const { t } = useTranslation();
  const answered = entries.filter((e) => e.submission.answer !== '');
  const questions = [...new Set(entries.map((e) => e.submission.challenge.question).filter(Boolean))];
  if (answered.length === 0) return null;
  const met = entries.filter((e) => summarize(e.submission).met).length;
  return (
    <section className="board-predictions" aria-label={t('board.predictions')}>
      <h3>{t('board.predictions')}</h3>
      {questions.map((q) => (
        <p key={q} className="question">
          {q}
        </p>
      ))}
      <p className="muted">{t('board.metCount', { met, count: entries.length })}</p>
      <ul data-testid="board.predictions">
        {answered.map((e) => {
          const g = summarize(e.submission);
          return (
            <li key={e.code}>
              <strong>{e.submission.name || t('board.noName')}</strong>: “{e.submission.answer}” →{' '}
              {g.best === null
                ? '—'
                : t(g.met ? 'board.happenedMet' : 'board.happened', {
                    best: (100 * g.best).toFixed(2),
                    epoch: g.bestEpoch,
                    lr: e.submission.start.config.learningRate,
                    optimizer: e.submission.start.config.optimizer,
                  })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
