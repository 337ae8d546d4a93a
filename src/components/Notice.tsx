import { useTranslation } from 'react-i18next';
import { useMsg } from '../i18n/translate';
import { patch, useStore } from '../store/store';

/** A dismissible one-off message, e.g. that a shared link could not be read. */
export default function Notice() {
  const { t } = useTranslation();
  const tm = useMsg();
  const notice = useStore((s) => s.ui.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="status" data-testid="ui.notice">
      <span>{tm(notice)}</span>
      <button onClick={() => patch('ui', { notice: null })} aria-label={t('ui.dismiss')}>
        ✕
      </button>
    </div>
  );
}
