import { useTranslation } from 'react-i18next';
import { useMsg } from '../i18n/translate';
import type { Msg } from '../model/msg';

/** A dismissible one-off message, e.g. that a shared link could not be read. */
export default function Notice({ notice, onDismiss }: { notice: Msg | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  const tm = useMsg();
  if (!notice) return null;
  return (
    <div className="notice" role="status" data-testid="ui.notice">
      <span>{tm(notice)}</span>
      <button onClick={onDismiss} aria-label={t('ui.dismiss')}>
        ✕
      </button>
    </div>
  );
}
