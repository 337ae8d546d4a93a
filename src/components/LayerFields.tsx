// Inline editors for one layer's parameters. Numbers are committed as typed; shape inference flags bad values.
import { useTranslation } from 'react-i18next';
import { ACTIVATIONS, type Activation, type LayerSpec, type Padding } from '../model/spec';

type Props = { layer: LayerSpec; onChange: (l: LayerSpec) => void };

function NumberField({
  label,
  value,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  onChange: (v: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="mini-field">
      <span>{t(`field.${label}`)}</span>
      <input
        type="number"
        value={Number.isFinite(value) ? value : ''}
        min={min}
        max={max}
        step={step ?? 1}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    </label>
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
          <NumberField label="units" value={l.units} min={1} max={4096} onChange={(units) => onChange({ ...l, units })} />
          <ActivationField value={l.activation} onChange={(activation) => onChange({ ...l, activation })} />
        </div>
      );
    case 'conv2d':
      return (
        <div className="fields">
          <NumberField label="filters" value={l.filters} min={1} max={512} onChange={(filters) => onChange({ ...l, filters })} />
          <NumberField label="kernel" value={l.kernelSize} min={1} max={28} onChange={(kernelSize) => onChange({ ...l, kernelSize })} />
          <NumberField label="stride" value={l.stride} min={1} max={28} onChange={(stride) => onChange({ ...l, stride })} />
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
          <NumberField label="pool" value={l.poolSize} min={1} max={28} onChange={(poolSize) => onChange({ ...l, poolSize })} />
          <NumberField label="stride" value={l.stride} min={1} max={28} onChange={(stride) => onChange({ ...l, stride })} />
        </div>
      );
    case 'dropout':
      return (
        <div className="fields">
          <NumberField label="rate" value={l.rate} min={0} max={0.99} step={0.05} onChange={(rate) => onChange({ ...l, rate })} />
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
