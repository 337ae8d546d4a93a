// Save the whole session in the browser or as a file, and open it again later to continue training.
import { nativeConfirm, nativePrompt } from '../../services/dialogs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  deleteSaved,
  downloadSession,
  importModelFiles,
  listSaved,
  openSaved,
  openSessionFile,
  renameSaved,
  saveToBrowser,
  type Outcome,
  type SavedMeta,
} from './actions';
import { useMsg } from '../../i18n/translate';
import { msg, type Msg } from '../../model/msg';
import { useStore } from '../../store/store';
import { selectModelReady } from '../../store/selectors';

export default function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const tm = useMsg();
  const [name, setName] = useState(() => t('io.defaultName'));
  const [saved, setSaved] = useState<SavedMeta[] | null>(null);
  const [message, setMessage] = useState<{ text: Msg; error: boolean } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const modelFiles = useRef<HTMLInputElement>(null);
  const busy = !useStore(selectModelReady);
  const refresh = async () => {
    const r = await listSaved();
    if (r.ok) setSaved(r.value);
    else setMessage({ text: r.error, error: true });
  };
  /** Shows the outcome: its error, or `ok` (when given) on success. */
  const report = <T,>(r: Outcome<T>, ok?: (value: T) => Msg | null) => {
    if (!r.ok) return setMessage({ text: r.error, error: true });
    const text = ok?.(r.value);
    if (text) setMessage({ text, error: false });
  };
  return (
    <div className="sessions">
      <h3>{t('io.sessions')}</h3>
      <label className="field">
        <span>{t('io.name')}</span>
        <input data-testid="io.name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="button-row">
        <button
          data-testid="io.save"
          disabled={busy}
          onClick={async () => {
            const r = await saveToBrowser(name.trim() || t('io.untitled'));
            report(r, (m) => msg('io.saved', { name: m.name, batch: m.batch }));
            if (r.ok && saved) await refresh();
          }}
        >
          {t('io.save')}
        </button>
        <button
          data-testid="io.open"
          aria-expanded={saved !== null}
          onClick={() => (saved ? setSaved(null) : refresh())}
        >
          {t('io.open')}
        </button>
        <button
          data-testid="io.download-session"
          disabled={busy}
          onClick={async () => report(await downloadSession(name.trim() || 'session'))}
        >
          {t('io.download')}
        </button>
        <button data-testid="io.open-file" disabled={busy} onClick={() => file.current?.click()}>
          {t('io.openFile')}
        </button>
        <button
          data-testid="io.import-model"
          disabled={busy}
          onClick={() => modelFiles.current?.click()}
          title={t('io.importModelTitle')}
        >
          {t('io.importModel')}
        </button>
        <input
          ref={modelFiles}
          type="file"
          multiple
          hidden
          data-testid="io.model-input"
          onChange={async (e) => {
            const fs = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (fs.length)
              report(await importModelFiles(fs), (done) =>
                done ? msg('io.imported', { files: fs.map((f) => f.name).join(' + ') }) : null,
              );
          }}
        />
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="io.file-input"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) report(await openSessionFile(f), (done) => (done ? msg('io.opened', { name: f.name }) : null));
          }}
        />
      </div>
      {message && (
        <p
          className={message.error ? 'field-error' : 'muted small'}
          role={message.error ? 'alert' : 'status'}
          data-testid={message.error ? 'io.error' : 'io.message'}
        >
          {tm(message.text)}
        </p>
      )}
      {saved && (
        <ul className="saved-list" aria-label={t('io.savedList')}>
          {saved.length === 0 && <li className="muted">{t('io.nothingSaved')}</li>}
          {saved.map((m) => (
            <li key={m.id} data-testid="io.saved-item">
              <span>
                <strong>{m.name}</strong>{' '}
                <span className="muted">
                  {t('io.savedMeta', { batch: m.batch, date: new Date(m.savedAt).toLocaleString(i18n.language) })}
                </span>
              </span>
              <span className="layer-actions">
                <button
                  data-testid="io.saved-open"
                  onClick={async () =>
                    report(await openSaved(m.id), (done) => (done ? msg('io.openedNotice', { name: m.name }) : null))
                  }
                  disabled={busy}
                >
                  {t('io.openOne')}
                </button>
                <button
                  onClick={async () => {
                    const n = nativePrompt(t('io.newName'), m.name);
                    if (n && n.trim()) {
                      report(await renameSaved(m.id, n.trim()));
                      await refresh();
                    }
                  }}
                >
                  {t('io.rename')}
                </button>
                <button
                  aria-label={t('io.deleteLabel', { name: m.name })}
                  onClick={async () => {
                    if (nativeConfirm(t('io.confirmDelete', { name: m.name }))) {
                      report(await deleteSaved(m.id));
                      await refresh();
                    }
                  }}
                >
                  {t('io.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
