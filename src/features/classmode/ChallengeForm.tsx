// The teacher's challenge builder, in the exercise-link menu: the goal, the limits and the predict-first
// question; the link (absolute, live: it carries this page's network and settings and the menu's hidden and
// locked parts), a copy button and a QR code for the projector.
import './classmode.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_EPOCH_LIMIT, MAX_PARAM_LIMIT, MAX_QUESTION } from '../../model/challenge';
import { msg } from '../../model/msg';
import { inferNetwork } from '../../model/shapes';
import { copyText } from '../../services/dialogs';
import { useStore } from '../../store/store';
import NumberInput from '../../ui/NumberInput';
import { setActiveChallenge, setDraft, toggleChallengeForm } from './actions';
import QrCode from './QrCode';
import { selectChallengeLink } from './selectors';

export default function ChallengeForm() {
  const { t } = useTranslation();
  const open = useStore((s) => s.challenge.formOpen);
  const draft = useStore((s) => s.challenge.draft);
  const link = useStore(selectChallengeLink);
  const network = useStore((s) => s.config.network);
  const [copied, setCopied] = useState(false);
  const [qr, setQr] = useState(false);
  const params = inferNetwork(network).totalParams;
  const countProblem = (v: number, max: number) =>
    Number.isInteger(v) && v >= 0 && v <= max ? null : msg('challenge.badCount', { max });
  return (
    <div className="challenge-form">
      <button data-testid="challenge.open" aria-expanded={open} onClick={toggleChallengeForm}>
        {t('challenge.build')}
      </button>
      {open && (
        <fieldset>
          <legend>{t('challenge.legend')}</legend>
          <p className="muted small">{t('challenge.help')}</p>
          <NumberInput
            label={t('challenge.target')}
            hint={t('challenge.targetHint')}
            testId="challenge.target"
            value={draft.target}
            onCommit={(v) => (v > 0 && v <= 1 ? (setDraft({ target: v }), null) : msg('challenge.badTarget'))}
          />
          <NumberInput
            label={t('challenge.maxParams')}
            hint={t('challenge.maxParamsHint', { params: params.toLocaleString() })}
            testId="challenge.max-params"
            value={draft.maxParams}
            onCommit={(v) => countProblem(v, MAX_PARAM_LIMIT) ?? (setDraft({ maxParams: v }), null)}
          />
          <NumberInput
            label={t('challenge.maxEpochs')}
            hint={t('challenge.zeroNone')}
            testId="challenge.max-epochs"
            value={draft.maxEpochs}
            onCommit={(v) => countProblem(v, MAX_EPOCH_LIMIT) ?? (setDraft({ maxEpochs: v }), null)}
          />
          <label className="field">
            <span>{t('challenge.question')}</span>
            <input
              data-testid="challenge.question"
              value={draft.question}
              maxLength={MAX_QUESTION}
              placeholder={t('challenge.questionExample')}
              onChange={(e) => {
                setDraft({ question: e.target.value });
                setCopied(false);
              }}
            />
          </label>
          <label className="field">
            <span>{t('challenge.link')}</span>
            <input data-testid="challenge.link" readOnly value={link} onFocus={(e) => e.target.select()} />
          </label>
          <div className="button-row">
            <button onClick={async () => setCopied(await copyText(link, t('exercise.copyPrompt')))}>
              {t('challenge.copy')}
            </button>
            <button aria-pressed={qr} onClick={() => setQr(!qr)}>
              {t('challenge.showQr')}
            </button>
            <button onClick={() => setActiveChallenge(draft)}>{t('challenge.tryHere')}</button>
          </div>
          {copied && (
            <p className="muted small" role="status">
              {t('exercise.copied')}
            </p>
          )}
          {qr && <QrCode text={link} size={320} />}
        </fieldset>
      )}
    </div>
  );
}
