import { useTranslation } from 'react-i18next';

/** A select of the digits 0-9, with an optional first choice (`none`) that stands for null. */
export default function DigitSelect({
  value,
  onChange,
  none,
  testId,
  label,
}: {
  value: number | null;
  onChange: (d: number | null) => void;
  none?: string;
  testId: string;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="why-field">
      <span>{label}</span>
      <select
        data-testid={testId}
        value={value === null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        {none !== undefined && <option value="">{none}</option>}
        {Array.from({ length: 10 }, (_, d) => (
          <option key={d} value={d}>
            {t('why.digit', { d })}
          </option>
        ))}
      </select>
    </label>
  );
}
