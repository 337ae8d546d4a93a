import { useTranslation } from 'react-i18next';
import { applyLearningStep } from './actions';
import type { LearningStep } from '../../model/learningStep';
import { useStore } from '../../store/store';
import Bars from './Bars';
import Formula from './Formula';
import { layerTitle } from './layerText';
import { DIGITS, fmt, tex } from './numbers';

/** Stage 3: every weight moves against its gradient; the same image goes through again. */
export default function StepUpdate({ step }: { step: LearningStep }) {
  const { t } = useTranslation();
  const optimizer = useStore((s) => s.config.train.optimizer);
  const appliedAt = useStore((s) => s.learningStep.appliedAt);
  const busy = useStore((s) => s.learningStep.busy);
  const eta = step.learningRate;
  const y = step.label;
  const change = step.lossAfter - step.loss;
  const verdict = change < 0 ? 'down' : change > 0 ? 'up' : 'same';
  return (
    <div className="step-body">
      <Formula
        block
        tex={`W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W}, \\qquad \\eta = ${tex(eta)}`}
        testId="step.update-formula"
      />
      {optimizer !== 'sgd' && <p className="step-note">{t(`step.optimizer.${optimizer}`)}</p>}
      <table className="step-table">
        <thead>
          <tr>
            <th scope="col">{t('step.layer')}</th>
            <th scope="col">‖∂L/∂W‖</th>
            <th scope="col">‖ΔW‖ = η‖∂L/∂W‖</th>
            <th scope="col">‖ΔW‖ / ‖W‖</th>
          </tr>
        </thead>
        <tbody>
          {step.layers
            .filter((l) => l.gradW)
            .map((l) => (
              <tr key={l.index}>
                <th scope="row">{layerTitle(t, l)}</th>
                <td className="num">{fmt(l.gradNorm)}</td>
                <td className="num">{fmt(l.deltaNorm)}</td>
                <td className="num">{fmt(l.weightNorm > 0 ? l.deltaNorm / l.weightNorm : 0)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <div className="step-pair">
        <div className="step-loss">
          <Formula
            block
            tex={`L_{\\text{before}} = ${tex(step.loss)} \\;\\rightarrow\\; L_{\\text{after}} = ${tex(step.lossAfter)}`}
          />
          <p className={`verdict ${verdict}`} data-testid="step.verdict" data-verdict={verdict}>
            {t(`step.verdict.${verdict}`, { change: fmt(Math.abs(change)), eta: fmt(eta) })}
          </p>
          <p className="muted">
            {t('step.pAfter', {
              label: y,
              before: fmt(100 * step.probs[y], 3),
              after: fmt(100 * step.probsAfter[y], 3),
            })}
          </p>
        </div>
        <div className="layer-values">
          <div className="layer-values-title">{t('step.probsBeforeAfter')}</div>
          <Bars
            values={step.probs}
            compare={step.probsAfter}
            labels={DIGITS}
            highlight={y}
            label={t('step.probsBeforeAfter')}
          />
        </div>
      </div>
      <div className="step-apply">
        <button onClick={() => void applyLearningStep()} disabled={busy || appliedAt !== null} data-testid="step.apply">
          {t('step.apply')}
        </button>
        <span className="muted">
          {appliedAt !== null ? t('step.applied', { batch: appliedAt }) : t('step.applyHint')}
        </span>
      </div>
    </div>
  );
}
