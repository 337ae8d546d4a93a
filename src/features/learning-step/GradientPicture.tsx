import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import PixelImage from '../../charts/PixelImage';
import { column, topIndices, unitGradNorms, type StepLayer } from '../../model/learningStep';
import { maxAbs } from './numbers';

/** Units shown as 28×28 gradient pictures for the first Dense layer. */
const SHOWN_UNITS = 6;

/**
 * ∂L/∂W as a picture: for a Dense layer on the 784 pixels, each unit's incoming gradient as a 28×28 image (largest
 * first; any unit can be picked); for later Dense layers the whole [in, out] matrix as a heat map; for
 * convolutions each filter's k×k gradient (summed over input channels).
 */
export default function GradientPicture({ l, onPixels }: { l: StepLayer; onPixels: boolean }) {
  const { t } = useTranslation();
  const g = l.gradW!;
  const shape = l.kernelShape!;
  const [picked, setPicked] = useState<number | null>(null);
  if (l.spec.kind === 'dense' && onPixels) {
    const units = shape[1];
    const top = topIndices(unitGradNorms(g, units), SHOWN_UNITS);
    const chosen = picked ?? top[0];
    const range = maxAbs(g);
    return (
      <div className="grad-picture" data-testid="step.grad-units">
        <div className="layer-values-title">{t('step.gradUnits')}</div>
        <div className="maps">
          {top.map((j) => (
            <button
              key={j}
              className={j === chosen ? 'unit-pick on' : 'unit-pick'}
              aria-pressed={j === chosen}
              onClick={() => setPicked(j)}
            >
              <PixelImage
                values={column(g, units, j)}
                side={28}
                mode="signed"
                range={range}
                size={64}
                label={t('step.unitGrad', { j })}
              />
              <span>{t('step.unitN', { j })}</span>
            </button>
          ))}
        </div>
        <label className="field inline">
          <span>{t('step.pickUnit', { max: units - 1 })}</span>
          <input
            type="number"
            min={0}
            max={units - 1}
            value={chosen}
            data-testid="step.unit"
            onChange={(e) => {
              const v = Math.floor(Number(e.target.value));
              if (v >= 0 && v < units) setPicked(v);
            }}
          />
        </label>
        <PixelImage
          values={column(g, units, chosen)}
          side={28}
          mode="signed"
          range={range}
          size={168}
          label={t('step.unitGrad', { j: chosen })}
        />
      </div>
    );
  }
  if (l.spec.kind === 'dense') {
    // Drawn transposed, one row per unit and one column per input, stretched to a readable height.
    const [inputs, units] = shape;
    const byUnit = Array.from({ length: units * inputs }, (_, q) => g[(q % inputs) * units + Math.floor(q / inputs)]);
    const title = t('step.gradMatrix', { units, inputs });
    return (
      <div className="grad-picture">
        <div className="layer-values-title">{title}</div>
        <PixelImage
          values={byUnit}
          side={inputs}
          rows={units}
          height={Math.min(240, Math.max(60, units * 10))}
          mode="signed"
          range={maxAbs(g)}
          size={360}
          label={title}
        />
      </div>
    );
  }
  if (l.spec.kind === 'conv2d') {
    const [k, , cin, cout] = shape;
    const filters = Array.from({ length: Math.min(cout, 16) }, (_, f) =>
      Array.from({ length: k * k }, (_, p) => {
        let s = 0;
        for (let c = 0; c < cin; c++) s += g[(p * cin + c) * cout + f];
        return s;
      }),
    );
    const range = maxAbs(filters.flat());
    return (
      <div className="grad-picture">
        <div className="layer-values-title">{t('step.gradFilters', { k, cin })}</div>
        <div className="maps">
          {filters.map((v, f) => (
            <PixelImage
              key={f}
              values={v}
              side={k}
              mode="signed"
              range={range}
              size={48}
              label={t('step.filterGrad', { f: f + 1 })}
            />
          ))}
        </div>
      </div>
    );
  }
  return null;
}
