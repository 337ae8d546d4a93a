// On a challenge link: the goal, the limits against this network, the predict-first question (training waits for
// the answer), how the run stands, and the hand-in. Large enough to read from the back of a room.
import './classmode.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { measureGoal, type Challenge } from '../../model/challenge';
import { inferNetwork } from '../../model/shapes';
import { useStore } from '../../store/store';
import { setActiveChallenge, setAnswer } from './actions';
import HandIn from './HandIn';
import { selectAnswerLocked } from './selectors';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** The goal in one sentence, e.g. "Reach 97.0% test accuracy with at most 120,000 parameters within 2 epochs." */
export function useGoalText(c: Challenge): string {
  const { t } = useTranslation();
  const limits = [
    c.maxParams > 0 ? t('challenge.atMostParams', { n: c.maxParams.toLocaleString() }) : '',
    c.maxEpochs > 0 ? t('challenge.withinEpochs', { count: c.maxEpochs }) : '',
  ].filter(Boolean);
  // Each limit's text carries its own joiner (" with …" in English, "，…" in Chinese).
  return t('challenge.goal', { target: pct(c.target), limits: limits.join('') });
}

export default function ChallengeBanner() {
  const { t } = useTranslation();
  const c = useStore((s) => s.challenge.active);
  const answer = useStore((s) => s.challenge.answer);
  const locked = useStore(selectAnswerLocked);
  const epochs = useStore((s) => s.metrics.epochs);
  const network = useStore((s) => s.config.network);
  const exerciseView = useStore((s) => s.ui.exerciseView);
  const params = useMemo(() => inferNetwork(network).totalParams, [network]);
  const goal = useMemo(() => (c ? measureGoal(c, epochs, params) : null), [c, epochs, params]);
  const goalText = useGoalText(c ?? { target: 1, maxParams: 0, maxEpochs: 0, question: '' });
  if (!c || !goal) return null;
  return (
    <section className="challenge-banner" data-testid="challenge.panel" aria-label={t('challenge.title')}>
      <h2>{t('challenge.title')}</h2>
      <p className="challenge-goal" data-testid="challenge.banner">
        {goalText}
      </p>
      <ul className="challenge-status">
        {c.maxParams > 0 && (
          <li className={goal.withinParams ? 'ok' : 'bad'}>
            {t(goal.withinParams ? 'challenge.paramsOk' : 'challenge.paramsOver', {
              n: params.toLocaleString(),
              max: c.maxParams.toLocaleString(),
            })}
          </li>
        )}
        <li data-testid="challenge.progress" className={goal.met ? 'ok' : undefined}>
          {goal.best === null
            ? t('challenge.noEpochYet')
            : t(goal.met ? 'challenge.met' : 'challenge.best', { best: pct(goal.best), epoch: goal.bestEpoch })}
        </li>
      </ul>
      {c.question && (
        <div className="challenge-question">
          <label className="field">
            <span>
              <strong>{t('challenge.predictFirst')}</strong> {c.question}
            </span>
            <textarea
              data-testid="challenge.answer"
              value={answer}
              rows={2}
              maxLength={200}
              readOnly={locked}
              aria-describedby="challenge-answer-hint"
              onChange={(e) => setAnswer(e.target.value)}
            />
          </label>
          <p id="challenge-answer-hint" className={answer.trim() ? 'muted small' : 'field-error'}>
            {answer.trim()
              ? locked
                ? t('challenge.answerLocked')
                : t('challenge.answerKept')
              : t('challenge.answerFirst')}
          </p>
        </div>
      )}
      <HandIn />
      {!exerciseView && (
        <button className="link-button" onClick={() => setActiveChallenge(null)}>
          {t('challenge.end')}
        </button>
      )}
    </section>
  );
}
