// Inline editors for one layer's parameters. Numbers are committed as typed; shape inference flags bad values.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { fieldInRange, LAYER_FIELD_RANGES, MAX_DROPOUT, type IntField } from '../../model/decode';
import { msg } from '../../model/msg';
import { ACTIVATIONS, type Activation, type LayerSpec, type Padding } from '../../model/spec';

type Props = { layer: LayerSpec; onChange: (l: LayerSpec) => void };

/**
 * A layer's number. Only values the decoders accept (model/decode.ts ranges) reach the network, so every network
 * in the store survives a link; others stay in the field, marked, with the range, and the last valid value holds.
 */
function NumberField({
  label,
  field,
  value,
  step,
  onChange,
}: {
  label: string;
  field: IntField | 'rate';
  value: number;
  step?: number;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  const tm = useMsg();
  const [draft, setDraft] = useState<string | null>(null);
  const [min, max] = field === 'rate' ? [0, MAX_DROPOUT] : LAYER_FIELD_RANGES[field];
  const id = useId();
  const invalid = draft !== null;
  return (
    <>
      <label className="mini-field">
        <span>{t(`field.${label}`)}</span>
        <input
          type="number"
          value={draft ?? value}
          min={min}
          max={max}
          step={step ?? 1}
          aria-invalid={invalid}
          aria-describedby={invalid ? id : undefined}
          onBlur={() => setDraft(null)}
          onChange={(e) => {
            const v = e.target.value === '' ? NaN : Number(e.target.value);
            if (fieldInRange(field, v)) {
              setDraft(null);
              onChange(v);
            } else setDraft(e.target.value);
          }}
        />
      </label>
      {invalid && (
        <span className="field-error" id={id} role="alert">
          {tm(
            msg(field === 'rate' ? 'builder.rateRange' : 'builder.fieldRange', {
              field: msg(`field.${label}`),
              min,
              max,
            }),
          )}
        </span>
      )}
    </>
  );
}

function ActivationField({ value, onChange }: { value: Activation; onChange: (a: Activation) => void }) {
  const { t } = useTranslation();
  return (
    <label className="mini-field">
      <span>{t('field.activation')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Activation)}>
        {ACTIVATIONS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function LayerFields({ layer: l, onChange }: Props) {
  const { t } = useTranslation();
  switch (l.kind) {
    case 'dense':
      return (
        <div className="fields">
          <NumberField label="units" field="units" value={l.units} onChange={(units) => onChange({ ...l, units })} />
          <ActivationField value={l.activation} onChange={(activation) => onChange({ ...l, activation })} />
        </div>
      );
    case 'conv2d':
      return (
        <div className="fields">
          <NumberField
            label="filters"
            field="filters"
            value={l.filters}
            onChange={(filters) => onChange({ ...l, filters })}
          />
          <NumberField
            label="kernel"
            field="kernelSize"
            value={l.kernelSize}
            onChange={(kernelSize) => onChange({ ...l, kernelSize })}
          />
          <NumberField
            label="stride"
            field="stride"
            value={l.stride}
            onChange={(stride) => onChange({ ...l, stride })}
          />
          <label className="mini-field">
            <span>{t('field.padding')}</span>
            <select value={l.padding} onChange={(e) => onChange({ ...l, padding: e.target.value as Padding })}>
              <option value="same">same</option>
              <option value="valid">valid</option>
            </select>
          </label>
          <ActivationField value={l.activation} onChange={(activation) => onChange({ ...l, activation })} />
        </div>
      );
    case 'maxPool2d':
    case 'avgPool2d':
      return (
        <div className="fields">
          <NumberField
            label="pool"
            field="poolSize"
            value={l.poolSize}
            onChange={(poolSize) => onChange({ ...l, poolSize })}
          />
          <NumberField
            label="stride"
            field="stride"
            value={l.stride}
            onChange={(stride) => onChange({ ...l, stride })}
          />
        </div>
      );
    case 'dropout':
      return (
        <div className="fields">
          <NumberField
            label="rate"
            field="rate"
            value={l.rate}
            step={0.05}
            onChange={(rate) => onChange({ ...l, rate })}
          />
        </div>
      );
    case 'activation':
      return (
        <div className="fields">
          <ActivationField value={l.activation} onChange={(activation) => onChange({ ...l, activation })} />
        </div>
      );
    case 'flatten':
    case 'batchNorm':
      return null;
  }
}
