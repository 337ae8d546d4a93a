import { useState } from 'react';
import { useMsg } from '../i18n/translate';
import { msg, type Msg } from '../model/msg';

type Props = {
  label: string;
  testId: string;
  value: number;
  /** Returns a problem to show, or null when the value was applied. */
  onCommit: (v: number) => Msg | null;
  hint?: string;
};

/** A text field for a number that applies each valid keystroke and explains invalid ones in place. */
export default function NumberInput({ label, testId, value, onCommit, hint }: Props) {
  // While the person types, their text is shown as is ("0." stays "0."); otherwise the store's value is,
  // so changes from the URL or elsewhere appear.
  const [draft, setDraft] = useState<string | null>(null);
  const tm = useMsg();
  const [error, setError] = useState<Msg | null>(null);
  const text = draft ?? String(value);
  const id = `num-${testId}`;
  return (
    <>
      <label className="field" htmlFor={id}>
        <span>
          {label}
          {hint && <span className="muted"> {hint}</span>}
        </span>
        <input
          id={id}
          data-testid={testId}
          inputMode="decimal"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          onBlur={() => error === null && setDraft(null)}
          onChange={(e) => {
            setDraft(e.target.value);
            const v = e.target.value.trim();
            setError(
              v === '' || !Number.isFinite(Number(v))
                ? msg('hp.enterNumber', { label: label.toLowerCase() })
                : onCommit(Number(v)),
            );
          }}
        />
      </label>
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {tm(error)}
        </p>
      )}
    </>
  );
}
