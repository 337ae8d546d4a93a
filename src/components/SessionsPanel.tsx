// Save the whole session in the browser or as a file, and open it again later to continue training.
import { useRef, useState } from 'react';
import { deleteSaved, downloadSession, importModelFiles, listSaved, openSaved, openSessionFile, renameSaved, saveToBrowser, type SavedMeta } from '../bridge/sessions';
import { useStore } from '../store/store';

export default function SessionsPanel() {
  const state = useStore((s) => s.status.state);
  const [name, setName] = useState('My network');
  const [saved, setSaved] = useState<SavedMeta[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const modelFiles = useRef<HTMLInputElement>(null);
  const busy = state === 'loading' || state === 'error';
  const refresh = async () => setSaved(await listSaved());
  const report = (error: string | null, ok: string) => setMessage(error ? { text: error, error: true } : { text: ok, error: false });
  return (
    <div className="sessions">
      <h3>Sessions</h3>
      <label className="field">
        <span>Name</span>
        <input data-testid="io.name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="button-row">
        <button
          data-testid="io.save"
          disabled={busy}
          onClick={async () => {
            const m = await saveToBrowser(name.trim() || 'Untitled session');
            report(null, `Saved "${m.name}" in this browser (batch ${m.batch}).`);
            if (saved) await refresh();
          }}
        >
          Save in browser
        </button>
        <button data-testid="io.open" aria-expanded={saved !== null} onClick={() => (saved ? setSaved(null) : refresh())}>
          Open saved…
        </button>
        <button data-testid="io.download-session" disabled={busy} onClick={() => downloadSession(name.trim() || 'session')}>
          Download file
        </button>
        <button data-testid="io.open-file" disabled={busy} onClick={() => file.current?.click()}>
          Open file…
        </button>
        <button data-testid="io.import-model" disabled={busy} onClick={() => modelFiles.current?.click()} title="model.json and its .bin weight files">
          Import TF.js model…
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
            if (fs.length) report(await importModelFiles(fs), `Imported ${fs.map((f) => f.name).join(' + ')}.`);
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
            if (f) report(await openSessionFile(f), `Opened ${f.name}.`);
          }}
        />
      </div>
      {message && (
        <p className={message.error ? 'field-error' : 'muted small'} role={message.error ? 'alert' : 'status'} data-testid={message.error ? 'io.error' : 'io.message'}>
          {message.text}
        </p>
      )}
      {saved && (
        <ul className="saved-list" aria-label="Sessions saved in this browser">
          {saved.length === 0 && <li className="muted">Nothing saved in this browser yet.</li>}
          {saved.map((m) => (
            <li key={m.id} data-testid="io.saved-item">
              <span>
                <strong>{m.name}</strong> <span className="muted">batch {m.batch} · {new Date(m.savedAt).toLocaleString()}</span>
              </span>
              <span className="layer-actions">
                <button onClick={async () => report(await openSaved(m.id), `Opened "${m.name}".`)} disabled={busy}>
                  Open
                </button>
                <button
                  onClick={async () => {
                    const n = window.prompt('New name', m.name);
                    if (n && n.trim()) {
                      await renameSaved(m.id, n.trim());
                      await refresh();
                    }
                  }}
                >
                  Rename
                </button>
                <button
                  aria-label={`Delete ${m.name}`}
                  onClick={async () => {
                    if (window.confirm(`Delete "${m.name}" from this browser?`)) {
                      await deleteSaved(m.id);
                      await refresh();
                    }
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
