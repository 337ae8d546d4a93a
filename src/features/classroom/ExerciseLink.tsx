// For teachers: choose which parts of the page a shared link shows, locks or hides, then copy the link.
// The choice applies to this page at once, so the teacher sees what the students will see.
import { copyText } from '../../services/dialogs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store/store';
import { setPartMode, showAllParts, type PartMode } from './actions';
import { PARTS, type Part } from '../experiment';
import { BoardButton, ChallengeForm } from '../classmode';

export default function ExerciseLink() {
  const { t } = useTranslation();
  const hidden = useStore((s) => s.ui.hidden);
  const locked = useStore((s) => s.ui.locked);
  const [copied, setCopied] = useState(false);
  const exerciseView = useStore((s) => s.ui.exerciseView);
  const modeOf = (p: Part): PartMode => (hidden.includes(p) ? 'hidden' : locked.includes(p) ? 'locked' : 'shown');
  const setMode = (p: Part, m: PartMode) => {
    setPartMode(p, m);
    setCopied(false);
  };
  if (exerciseView) return null;
  return (
    <details className="exercise" data-testid="ui.exercise">
      <summary>{t('exercise.title')}</summary>
      <div className="exercise-body">
        <p className="muted small">{t('exercise.help')}</p>
        <table>
          <tbody>
            {PARTS.map((p) => (
              <tr key={p}>
                <th scope="row">{t(`part.${p}`)}</th>
                <td>
                  <select
                    aria-label={t('exercise.modeFor', { part: t(`part.${p}`) })}
                    data-testid={`ui.exercise-${p}`}
                    value={modeOf(p)}
                    onChange={(e) => setMode(p, e.target.value as PartMode)}
                  >
                    <option value="shown">{t('exercise.shown')}</option>
                    <option value="locked">{t('exercise.locked')}</option>
                    <option value="hidden">{t('exercise.hidden')}</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="button-row">
          <button
            data-testid="ui.exercise-copy"
            onClick={async () => setCopied(await copyText(window.location.href, t('exercise.copyPrompt')))}
          >
            {t('exercise.copy')}
          </button>
          <button onClick={showAllParts} disabled={hidden.length + locked.length === 0}>
            {t('exercise.showAll')}
          </button>
        </div>
        {copied && (
          <p className="muted small" role="status">
            {t('exercise.copied')}
          </p>
        )}
        <ChallengeForm />
        <div className="button-row">
          <BoardButton />
        </div>
      </div>
    </details>
  );
}
