import { useTranslation } from 'react-i18next';
import type { LearningStep, StepLayer } from '../../model/learningStep';
import Bars from './Bars';
import Formula from './Formula';
import GradientPicture from './GradientPicture';
import LayerValues from './LayerValues';
import { activationOf, followedUnit, layerTitle, texDerivative } from './layerText';
import { DIGITS, fmt, tex } from './numbers';
import { unitName } from './StepForward';

function BackwardLayer({
  l,
  step,
  last,
  onPixels,
}: {
  l: StepLayer;
  step: LearningStep;
  last: boolean;
  onPixels: boolean;
}) {
  const { t } = useTranslation();
  const title = layerTitle(t, l);
  const a = activationOf(l);
  const shape = l.outShape;
  const j = followedUnit(l, step.label, last);
  const u = unitName(j, shape);
  return (
    <li className="step-layer">
      <h4>
        {title} {l.gradW && <span className="muted small">{t('step.gradNormOf', { norm: fmt(l.gradNorm) })}</span>}
      </h4>
      {last ? (
        <p className="muted">{t('step.backward.softmax')}</p>
      ) : !l.dz || !a ? (
        <p className="muted">{t(`step.backward.${l.spec.kind}`)}</p>
      ) : (
        <>
          {a === 'softmax' ? (
            <p className="muted">{t('step.backward.hiddenSoftmax')}</p>
          ) : (
            <>
              <Formula block tex={`f'(z) = ${texDerivative(a)}`} />
              <Formula
                block
                tex={`\\delta_{${u}} = \\frac{\\partial L}{\\partial z_{${u}}} = \\frac{\\partial L}{\\partial h_{${u}}}\\, f'(z_{${u}}) = ${tex(l.dh[j], true)} \\times ${tex(l.mask![j], true)} = ${tex(l.dz[j])}`}
              />
            </>
          )}
          <div className="step-trio">
            <LayerValues values={l.dh} shape={shape} title={t('step.dh')} highlight={j} />
            {l.mask && (
              <LayerValues
                values={l.mask}
                shape={shape}
                title={t('step.mask', { f: a })}
                signed={false}
                highlight={j}
              />
            )}
            <LayerValues values={l.dz} shape={shape} title={t('step.dz')} highlight={j} />
          </div>
        </>
      )}
      {l.gradW && l.spec.kind !== 'batchNorm' && (
        <>
          <Formula
            block
            tex={`\\frac{\\partial L}{\\partial W} = x\\,\\delta^{\\top}, \\qquad \\frac{\\partial L}{\\partial b} = \\delta, \\qquad \\frac{\\partial L}{\\partial x} = W\\delta`}
          />
          <GradientPicture l={l} onPixels={onPixels} />
        </>
      )}
      {l.spec.kind === 'batchNorm' && (
        <div className="step-pair">
          <LayerValues values={l.gradW!} shape={[l.gradW!.length]} title={t('step.gradGamma')} />
          <LayerValues values={l.gradB!} shape={[l.gradB!.length]} title={t('step.gradBeta')} />
        </div>
      )}
    </li>
  );
}

/** The layer's input is the image itself, only reshaped (a Dense layer's weights then form 28×28 pictures). */
const pixelsIn = (step: LearningStep, index: number) =>
  step.layers.slice(0, index).every((l) => l.spec.kind === 'flatten' || l.spec.kind === 'dropout');

/** Per layer ‖∂L/∂W‖ on a log scale: shrinking towards the input is the vanishing gradient. */
function GradientNorms({ layers }: { layers: StepLayer[] }) {
  const { t } = useTranslation();
  const rows = layers.filter((l) => l.gradW);
  const logs = rows.map((l) => Math.log10(Math.max(l.gradNorm, 1e-12)));
  const lo = Math.min(...logs, -6);
  const hi = Math.max(...logs, 0);
  return (
    <table className="grad-norms" data-testid="step.grad-norms">
      <caption>{t('step.gradNorms')}</caption>
      <tbody>
        {rows.map((l, i) => (
          <tr key={l.index}>
            <th scope="row">{layerTitle(t, l)}</th>
            <td className="norm-bar" aria-hidden="true">
              <span style={{ width: `${(100 * (logs[i] - lo)) / (hi - lo || 1)}%` }} />
            </td>
            <td className="num">{fmt(l.gradNorm)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Stage 2: the chain rule from the loss back to the first layer. */
export default function StepBackward({ step }: { step: LearningStep }) {
  const { t } = useTranslation();
  const y = step.label;
  const lastLayer = step.layers[step.layers.length - 1];
  return (
    <div className="step-body">
      <div className="step-pair">
        <div>
          <Formula
            block
            tex={`\\frac{\\partial L}{\\partial z} = p - \\operatorname{onehot}(y), \\qquad \\frac{\\partial L}{\\partial z_{${y}}} = p_{${y}} - 1 = ${tex(step.probs[y])} - 1 = ${tex(lastLayer.dz![y])}`}
          />
          <Bars
            values={lastLayer.dz!}
            signed
            labels={DIGITS}
            highlight={y}
            label={t('step.dLogits')}
            testId="step.dlogits"
          />
          <p className="muted">{t('step.dLogitsSays', { label: y })}</p>
        </div>
        <GradientNorms layers={step.layers} />
      </div>
      <ol className="step-layers backward">
        {[...step.layers].reverse().map((l, i) => (
          <BackwardLayer key={l.index} l={l} step={step} last={i === 0} onPixels={pixelsIn(step, l.index)} />
        ))}
      </ol>
    </div>
  );
}
