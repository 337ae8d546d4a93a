// The learning-step view: one image, the current network on a copy of its weights, and one step of gradient
// descent shown stage by stage with the real numbers (forward, backward, update, check).
import { useEffect, useRef, useState } from 'react';
import './step.css';
import { useTranslation } from 'react-i18next';
import { closeLearningStep, goToStage } from './actions';
import { useMsg } from '../../i18n/translate';
import { STEP_STAGES } from '../../model/learningStep';
import { useStore } from '../../store/store';
import Formula from './Formula';
import StepBackward from './StepBackward';
import StepCheck from './StepCheck';
import StepForward from './StepForward';
import StepSettings from './StepSettings';
import StepUpdate from './StepUpdate';
import { fmt, tex } from './numbers';

/** Seconds per stage while "play" runs. */
const PLAY_SECONDS = 6;

export default function LearningStepPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  const open = useStore((s) => s.learningStep.open);
  const stage = useStore((s) => s.learningStep.stage);
  const step = useStore((s) => s.learningStep.result);
  const busy = useStore((s) => s.learningStep.busy);
  const error = useStore((s) => s.learningStep.error);
  const [playing, setPlaying] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const at = STEP_STAGES.indexOf(stage);

  useEffect(() => {
    if (open) panel.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [open]);
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(() => {
      goToStage(STEP_STAGES[Math.min(at + 1, STEP_STAGES.length - 1)]);
      if (at + 1 >= STEP_STAGES.length - 1) setPlaying(false);
    }, PLAY_SECONDS * 1000);
    return () => clearTimeout(id);
  }, [playing, at]);
  if (!open) return null;

  const showAfter = step && (stage === 'update' || stage === 'check');
  return (
    <section
      ref={panel}
      className="panel step-panel"
      aria-labelledby="step-title"
      data-testid="step.panel"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        closeLearningStep();
        document.querySelector<HTMLElement>('[data-testid="step.open"]')?.focus(); // back where the view was opened
      }}
    >
      <div className="step-head">
        <h2 id="step-title">{t('step.title')}</h2>
        <StepSettings />
        <button className="link" onClick={closeLearningStep} data-testid="step.close" aria-label={t('step.close')}>
          ✕
        </button>
      </div>
      <div className="step-nav">
        <button onClick={() => goToStage(STEP_STAGES[at - 1])} disabled={at === 0} data-testid="step.prev">
          ← {t('step.prev')}
        </button>
        <div role="tablist" aria-label={t('step.stages')} className="step-tabs">
          {STEP_STAGES.map((s, i) => (
            <button
              key={s}
              role="tab"
              id={`step-tab-${s}`}
              aria-selected={s === stage}
              aria-controls="step-stage"
              tabIndex={s === stage ? 0 : -1}
              className={s === stage ? 'on' : undefined}
              onClick={() => goToStage(s)}
              onKeyDown={(e) => {
                const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -1;
                if (next < 0 || next >= STEP_STAGES.length) return;
                goToStage(STEP_STAGES[next]);
                document.getElementById(`step-tab-${STEP_STAGES[next]}`)?.focus();
              }}
            >
              {i + 1}. {t(`step.stage.${s}`)}
            </button>
          ))}
        </div>
        <button
          onClick={() => goToStage(STEP_STAGES[at + 1])}
          disabled={at === STEP_STAGES.length - 1}
          data-testid="step.next"
        >
          {t('step.next')} →
        </button>
        <button
          onClick={() => {
            if (!playing && at === STEP_STAGES.length - 1) goToStage(STEP_STAGES[0]);
            setPlaying(!playing);
          }}
          aria-pressed={playing}
          data-testid="step.play"
        >
          {playing ? t('step.pause') : t('step.play')}
        </button>
      </div>
      {step && (
        <div className="step-summary" aria-live="polite">
          <span>
            {t('step.lossBefore')}{' '}
            <strong data-testid="step.loss-before" data-value={step.loss}>
              {fmt(step.loss, 5)}
            </strong>
          </span>
          {showAfter && (
            <span>
              {t('step.lossAfter')}{' '}
              <strong data-testid="step.loss-after" data-value={step.lossAfter}>
                {fmt(step.lossAfter, 5)}
              </strong>
            </span>
          )}
          <Formula tex={`\\eta = ${tex(step.learningRate)}`} />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="step.error">
          {tm(error)}
        </p>
      )}
      {busy && (
        <p className="muted" role="status">
          {t('step.computing')}
        </p>
      )}
      <div
        id="step-stage"
        role="tabpanel"
        aria-labelledby={`step-tab-${stage}`}
        className="step-stage"
        data-testid="step.stage"
        data-stage={stage}
      >
        <h3>{t(`step.stage.${stage}.title`)}</h3>
        <p className="step-intro">{t(`step.stage.${stage}.intro`)}</p>
        {!step ? null : stage === 'forward' ? (
          <StepForward step={step} />
        ) : stage === 'backward' ? (
          <StepBackward step={step} />
        ) : stage === 'update' ? (
          <StepUpdate step={step} />
        ) : (
          <StepCheck step={step} />
        )}
      </div>
    </section>
  );
}
