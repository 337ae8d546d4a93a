import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import type { LearningStep, StepLayer } from '../../model/learningStep';
import Bars from './Bars';
import Formula from './Formula';
import LayerValues from './LayerValues';
import { activationOf, followedUnit, layerTitle, texAct } from './layerText';
import { DIGITS, fmt, tex } from './numbers';

/** Position of flat index i in a shape, as the subscript of a unit: j, or (y, x, c) for maps. */
export const unitName = (i: number, shape: number[]) =>
  shape.length === 3
    ? `${Math.floor(i / (shape[1] * shape[2]))},${Math.floor(i / shape[2]) % shape[1]},${i % shape[2]}`
    : String(i);

function ForwardLayer({ l, step, last }: { l: StepLayer; step: LearningStep; last: boolean }) {
  const { t } = useTranslation();
  const title = layerTitle(t, l);
  const a = activationOf(l);
  if (!l.z || !a)
    return (
      <li className="step-layer">
        <h4>{title}</h4>
        <p className="muted">{t(`step.forward.${l.spec.kind}`)}</p>
        {l.spec.kind !== 'flatten' && l.spec.kind !== 'dropout' && (
          <LayerValues
            values={l.h}
            shape={l.outShape}
            title={t('step.output', { shape: l.outShape.join('×') })}
            signed={false}
          />
        )}
      </li>
    );
  const j = followedUnit(l, step.label, last);
  const u = unitName(j, l.outShape);
  const sum =
    l.spec.kind === 'conv2d'
      ? '\\sum_{\\text{window}} W\\,x'
      : l.spec.kind === 'dense'
        ? '\\sum_i W_{i' + u + '}\\,x_i'
        : 'x';
  const bias = l.spec.kind === 'activation' ? '' : ` + b_{${u}}`;
  return (
    <li className="step-layer">
      <h4>{title}</h4>
      <Formula block tex={`z_{${u}} = ${sum}${bias} = ${tex(l.z[j])}`} />
      <Formula
        block
        tex={
          last
            ? `p_{${u}} = \\operatorname{softmax}(z)_{${u}} = \\frac{e^{z_{${u}}}}{\\sum_k e^{z_k}} = ${tex(l.h[j])}`
            : `h_{${u}} = ${texAct(a)}(z_{${u}}) = ${tex(l.h[j])}`
        }
      />
      <div className="step-pair">
        <LayerValues values={l.z} shape={l.outShape} title={last ? t('step.logits') : t('step.z')} highlight={j} />
        {last ? (
          <div className="layer-values" data-testid="step.probs" data-true={step.probs[step.label]}>
            <div className="layer-values-title">{t('step.probs')}</div>
            <Bars values={step.probs} highlight={step.label} labels={DIGITS} label={t('step.probs')} />
          </div>
        ) : (
          <LayerValues
            values={l.h}
            shape={l.outShape}
            title={t('step.h', { f: a })}
            highlight={j}
            signed={a !== 'relu'}
          />
        )}
      </div>
    </li>
  );
}

/** Stage 1: the image goes through every layer to probabilities and a loss. */
export default function StepForward({ step }: { step: LearningStep }) {
  const { t } = useTranslation();
  const y = step.label;
  const last = step.layers.length - 1;
  return (
    <div className="step-body">
      <Formula block tex={`h = \\sigma(Wx + b), \\qquad L(y, \\hat y) = -\\log \\hat y_{y}`} />
      <ol className="step-layers">
        <li className="step-layer">
          <h4>{t('step.input')}</h4>
          <PixelImage values={step.image} side={28} mode="gray" size={112} label={t('step.inputLabel', { label: y })} />
        </li>
        {step.layers.map((l, i) => (
          <ForwardLayer key={l.index} l={l} step={step} last={i === last} />
        ))}
      </ol>
      <div className="step-loss">
        <Formula block tex={`L = -\\log p_{${y}} = -\\log ${tex(step.probs[y])} = ${tex(step.loss)}`} />
        <p>{t('step.lossSays', { label: y, p: fmt(100 * step.probs[y], 3) })}</p>
      </div>
    </div>
  );
}
