import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import { useStore } from '../../store/store';
import { attackAsInput, runAttack, setAttackEpsilon, setAttackTarget } from './actions';
import DigitSelect from './DigitSelect';
import ReadingBars from './ReadingBars';

/** How small a change of the drawing makes the network read another digit (a targeted attack within ε). */
export default function AttackView() {
  const { t } = useTranslation();
  const target = useStore((s) => s.why.attackTarget);
  const epsilon = useStore((s) => s.why.epsilon);
  const status = useStore((s) => s.why.attackStatus);
  const attack = useStore((s) => s.why.attack);
  const hasInput = useStore((s) => s.draw.input !== null);
  const [text, setText] = useState(String(epsilon));
  const typed = Number(text);
  const valid = text.trim() !== '' && typed > 0 && typed <= 1;
  const perturbation = attack ? attack.pixels.map((v, i) => v - attack.input[i]) : null;
  return (
    <section className="why-part" aria-labelledby="why-attack-title">
      <h3 id="why-attack-title">{t('why.attackTitle')}</h3>
      <div className="why-controls">
        <DigitSelect
          label={t('why.attackTarget')}
          testId="why.attack-target"
          value={target}
          onChange={(d) => setAttackTarget(d ?? 0)}
        />
        <label className="why-field">
          <span>{t('why.epsilon')}</span>
          <input
            type="number"
            data-testid="why.attack-epsilon"
            min={0.001}
            max={1}
            step={0.01}
            value={text}
            aria-invalid={!valid}
            onChange={(e) => {
              setText(e.target.value);
              const v = Number(e.target.value);
              if (e.target.value.trim() !== '' && v > 0 && v <= 1) setAttackEpsilon(v);
            }}
          />
        </label>
        <button
          data-testid="why.attack-run"
          disabled={!hasInput || !valid || status === 'searching'}
          onClick={() => void runAttack()}
        >
          {t('why.attackRun')}
        </button>
      </div>
      {!valid && <p className="error-text">{t('why.epsilonRange')}</p>}
      <p className="why-status">
        {t('why.status')}: <span data-testid="why.attack-status">{status === 'idle' ? '' : status}</span>{' '}
        <span className="muted">{status === 'idle' ? '' : t(`why.status.${status}`)}</span>
      </p>
      <p>
        {t('why.readAs')}:{' '}
        <strong data-testid="why.attack-prediction">
          {status === 'searching' || !attack ? '' : attack.after.predicted}
        </strong>
        {' · '}
        {t('why.change')}:{' '}
        <span data-testid="why.attack-change">{attack && status !== 'searching' ? attack.change.toFixed(4) : ''}</span>
      </p>
      {attack && perturbation && status !== 'searching' && (
        <>
          <div className="why-pictures">
            <figure>
              <PixelImage values={attack.input} side={28} mode="gray" size={96} label={t('why.before')} />
              <figcaption>{t('why.before')}</figcaption>
            </figure>
            <figure>
              <PixelImage
                values={perturbation}
                side={28}
                mode="signed"
                range={Math.max(attack.change, 1e-6)}
                size={96}
                label={t('why.perturbation')}
                testId="why.attack-perturbation"
              />
              <figcaption>{t('why.perturbationCaption', { change: attack.change.toFixed(3) })}</figcaption>
            </figure>
            <figure>
              <PixelImage values={attack.pixels} side={28} mode="gray" size={96} label={t('why.after')} />
              <figcaption>{t('why.after')}</figcaption>
            </figure>
          </div>
          <div className="why-readings">
            <ReadingBars reading={attack.before} label={t('why.before')} testId="why.attack-before" />
            <ReadingBars reading={attack.after} label={t('why.after')} testId="why.attack-after" />
          </div>
          <button data-testid="why.attack-use" onClick={attackAsInput}>
            {t('why.useAsInput')}
          </button>
        </>
      )}
      <p className="why-explain">{t('why.explain.attack')}</p>
    </section>
  );
}
