import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkLearningStep } from './actions';
import type { LearningStep, WeightRef } from '../../model/learningStep';
import { useStore } from '../../store/store';
import Formula from './Formula';
import { layerTitle } from './layerText';
import { fmt } from './numbers';

/** "W[i,j]" / "b[j]" for a weight of a layer with kernel shape `shape`. */
function weightName(r: WeightRef, shape: number[] | null): string {
  if (r.array === 1) return `b[${r.index}]`;
  if (!shape) return `w[${r.index}]`;
  const idx: number[] = [];
  let rest = r.index;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return `W[${idx.join(',')}]`;
}

/** Stage 4: nudge single weights, recompute the loss, compare the slope with backprop's gradient. */
export default function StepCheck({ step }: { step: LearningStep }) {
  const { t } = useTranslation();
  const rows = useStore((s) => s.learningStep.check);
  const busy = useStore((s) => s.learningStep.busy);
  const weighted = step.layers.filter((l) => l.gradW);
  const [layer, setLayer] = useState(weighted[0]?.index ?? 0);
  const [index, setIndex] = useState(0);
  const [picked, setPicked] = useState<WeightRef[]>([]);
  const chosen = weighted.find((l) => l.index === layer) ?? weighted[0];
  const smooth = rows?.filter((r) => !r.kink) ?? [];
  const worst = smooth.reduce((m, r) => Math.max(m, r.relError), 0);
  const kinks = (rows?.length ?? 0) - smooth.length;
  return (
    <div className="step-body">
      <Formula
        block
        tex={`\\frac{\\partial L}{\\partial w} \\approx \\frac{L(w+\\varepsilon) - L(w-\\varepsilon)}{2\\varepsilon}, \\qquad e_{\\text{rel}} = \\frac{|a-b|}{\\max(|a|,|b|)}`}
      />
      <p className="muted">{t('step.check.intro')}</p>
      <div className="step-picker">
        <label className="field inline">
          <span>{t('step.layer')}</span>
          <select value={chosen?.index} onChange={(e) => setLayer(Number(e.target.value))} data-testid="step.fd-layer">
            {weighted.map((l) => (
              <option key={l.index} value={l.index}>
                {layerTitle(t, l)}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t('step.check.index', { max: (chosen?.gradW?.length ?? 1) - 1 })}</span>
          <input
            type="number"
            min={0}
            max={(chosen?.gradW?.length ?? 1) - 1}
            value={index}
            onChange={(e) => setIndex(Math.max(0, Math.floor(Number(e.target.value)) || 0))}
            data-testid="step.fd-index"
          />
        </label>
        <button
          disabled={!chosen || picked.length >= 20}
          onClick={() =>
            chosen &&
            setPicked([...picked, { layer: chosen.index, array: 0, index: Math.min(index, chosen.gradW!.length - 1) }])
          }
        >
          {t('step.check.add')}
        </button>
        {picked.length > 0 && (
          <button className="link" onClick={() => setPicked([])}>
            {t('step.check.clear', { n: picked.length })}
          </button>
        )}
      </div>
      <button
        className="primary"
        disabled={busy}
        onClick={() => void checkLearningStep(picked)}
        data-testid="step.fd-run"
      >
        {picked.length ? t('step.check.runPicked', { n: picked.length }) : t('step.check.run')}
      </button>
      {rows && (
        <>
          <p className="step-loss">
            {t('step.check.worst')}{' '}
            <strong data-testid="step.fd-error" data-value={worst}>
              {worst.toExponential(2)}
            </strong>{' '}
            <span className={worst < 1e-3 ? 'verdict down' : 'verdict up'}>
              {t(worst < 1e-3 ? 'step.check.agree' : 'step.check.disagree')}
            </span>
            {kinks > 0 && <span className="muted"> {t('step.check.kinks', { n: kinks })}</span>}
          </p>
          <table className="step-table" data-testid="step.fd-table">
            <thead>
              <tr>
                <th scope="col">{t('step.layer')}</th>
                <th scope="col">{t('step.check.weight')}</th>
                <th scope="col">{t('step.check.backprop')}</th>
                <th scope="col">{t('step.check.numeric')}</th>
                <th scope="col">{t('step.check.relError')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const l = step.layers[r.layer];
                return (
                  <tr key={i} className={r.kink ? 'kink' : undefined}>
                    <th scope="row">{l ? layerTitle(t, l) : r.layer + 1}</th>
                    <td>{weightName(r, l?.kernelShape ?? null)}</td>
                    <td className="num">{fmt(r.backprop, 6)}</td>
                    <td className="num">{fmt(r.numeric, 6)}</td>
                    <td className="num">{r.kink ? t('step.check.kink') : r.relError.toExponential(1)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
