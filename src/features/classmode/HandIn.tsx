// The hand-in: a name, then a code (and a file) holding the challenge, the run and its result. Works offline:
// the code is made on this page from the worker's run log; nothing is sent anywhere.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { copyText } from '../../services/dialogs';
import { useStore } from '../../store/store';
import { downloadHandIn, handIn, setName } from './actions';
import { MAX_NAME } from './resultCode';

export default function HandIn() {
  const { t } = useTranslation();
  const tm = useMsg();
  const name = useStore((s) => s.challenge.name);
  const handing = useStore((s) => s.challenge.handing);
  const result = useStore((s) => s.challenge.handIn);
  const error = useStore((s) => s.challenge.handInError);
  const anEpoch = useStore((s) => s.metrics.epochs.length > 0);
  const [copied, setCopied] = useState(false);
  return (
    <div className="handin">
      <label className="field inline">
        <span>{t('handin.name')}</span>
        <input
          data-testid="handin.name"
          value={name}
          maxLength={MAX_NAME}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button
        className="primary"
        data-testid="handin.submit"
        disabled={!anEpoch || handing}
        title={anEpoch ? undefined : t('handin.afterEpoch')}
        onClick={() => {
          setCopied(false);
          void handIn();
        }}
      >
        {t('handin.submit')}
      </button>
      {!anEpoch && <span className="muted small">{t('handin.afterEpoch')}</span>}
      {error && (
        <p className="field-error" role="alert">
          {tm(error)}
        </p>
      )}
      {result && (
        <div className="handin-result" role="status">
          <p>
            {result.best === null
              ? t('handin.madeNoResult')
              : t(result.met ? 'handin.madeMet' : 'handin.made', {
                  best: (100 * result.best).toFixed(2),
                  count: result.epochs,
                })}
          </p>
          {result.taints.length > 0 && (
            <p className="field-error">
              {t('handin.unverifiable', { reasons: result.taints.map((x) => t(`taint.${x}`)).join('; ') })}
            </p>
          )}
          <code className="code-block" data-testid="handin.code" aria-label={t('handin.codeLabel')}>
            {result.code}
          </code>
          <div className="button-row">
            <button onClick={async () => setCopied(await copyText(result.code, t('handin.copyPrompt')))}>
              {copied ? t('handin.copied') : t('handin.copy')}
            </button>
            <button onClick={() => downloadHandIn(t('handin.fileHeader', { name: name || '—' }))}>
              {t('handin.download')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
