// Classroom controls: language, presenter mode (large type, high contrast), the lesson presets with their
// paragraph, and the exercise-link builder (which parts a shared link hides or locks).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyExperiment, chooseLanguage } from '../experiment';
import { openLearningStep, LearningStepButton } from '../learning-step';
import { startSweep } from '../sweep';
import { openWhyOn } from '../why';
import { startLessonChallenge } from '../classmode';
import { useMsg } from '../../i18n/translate';
import type { Msg } from '../../model/msg';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { LESSONS, type LessonId } from '../../model/lessons';
import { useStore } from '../../store/store';
import { togglePresenter } from './actions';
import ExerciseLink from './ExerciseLink';
import { MisreadView } from '../insights';
import PartView from '../../ui/PartView';

const sweepOf = (id: LessonId | '') => LESSONS.find((l) => l.id === id)?.sweep;
const whyOf = (id: LessonId | '') => LESSONS.find((l) => l.id === id)?.why;
const challengeOf = (id: LessonId | '') => LESSONS.find((l) => l.id === id)?.challenge;

export default function ClassroomBar() {
  const { t } = useTranslation();
  const presenter = useStore((s) => s.ui.presenter);
  const language = useStore((s) => s.ui.language);
  const tm = useMsg();
  const [lesson, setLesson] = useState<LessonId | ''>('');
  const [sweepProblem, setSweepProblem] = useState<Msg | null>(null);
  const sweepActive = useStore((s) => s.sweep.state === 'running' || s.sweep.state === 'paused');
  const loading = useStore((s) => s.status.state === 'loading'); // the lesson's network is being built
  return (
    <div className="classroom">
      <label className="field inline">
        <span>{t('ui.language')}</span>
        <select
          data-testid="ui.language"
          value={language}
          onChange={(e) => isLanguage(e.target.value) && chooseLanguage(e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <PartView part="lessons">
        <label className="field inline">
          <span>{t('lesson.label')}</span>
          <select
            data-testid="ui.lesson"
            value={lesson}
            onChange={(e) => {
              const l = LESSONS.find((x) => x.id === e.target.value);
              if (!l) return setLesson('');
              if (!applyExperiment({ network: l.network, train: l.train }, 'lesson')) return;
              setLesson(l.id);
              setSweepProblem(null);
            }}
          >
            <option value="">{t('lesson.choose')}</option>
            {LESSONS.map((l) => (
              <option key={l.id} value={l.id}>
                {t(`lesson.${l.id}.title`)}
              </option>
            ))}
          </select>
        </label>
      </PartView>
      <button
        role="switch"
        aria-checked={presenter}
        data-testid="ui.presenter"
        className={presenter ? 'switch on' : 'switch'}
        onClick={togglePresenter}
      >
        {t('presenter.label')}
      </button>
      {/* In this row rather than beside Train: the header's first row must fit 1280 px with the status. */}
      <PartView part="step">
        <LearningStepButton />
      </PartView>
      <ExerciseLink />
      {lesson && (
        <div className="lesson-text" data-testid="ui.lesson-text" role="note">
          <p>
            <strong>{t(`lesson.${lesson}.title`)}.</strong> {t(`lesson.${lesson}.text`)}
          </p>
          {lesson === 'misread' && <MisreadView />}
          {lesson === 'one-step' && (
            <button
              className="primary"
              data-testid="lesson.step-open"
              disabled={loading}
              onClick={() => void openLearningStep('test-image', 'misread')}
            >
              {t('lesson.stepOpen')}
            </button>
          )}
          {whyOf(lesson) && (
            <button
              className="primary"
              data-testid="lesson.why-open"
              disabled={loading}
              onClick={() => void openWhyOn(whyOf(lesson)!)}
            >
              {t('lesson.whyOpen')}
            </button>
          )}
          {sweepOf(lesson) && (
            <button
              className="primary"
              data-testid="lesson.sweep-start"
              disabled={sweepActive || loading}
              onClick={() => {
                const s = sweepOf(lesson)!;
                setSweepProblem(startSweep(s.axes, s.budget, s.order));
              }}
            >
              {t('lesson.sweepStart')}
            </button>
          )}
          {challengeOf(lesson) && (
            <button
              data-testid="lesson.challenge"
              onClick={() =>
                startLessonChallenge({ ...challengeOf(lesson)!, question: t(`lesson.${lesson}.question`) })
              }
            >
              {t('lesson.challenge')}
            </button>
          )}
          {sweepProblem && (
            <p className="field-error" role="alert">
              {tm(sweepProblem)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
