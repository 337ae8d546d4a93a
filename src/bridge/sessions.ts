// Saving and opening whole sessions: in the browser (IndexedDB through idb-keyval) and as files.
// Opening validates the whole file first (decodeSession), so a bad file leaves the current session untouched.
import { i18next } from '../i18n/i18n';
import { msg, type Msg } from '../model/msg';
import { createStore, del, entries, get, set } from 'idb-keyval';
import { presetOf } from '../model/presets';
import { importLayersModel } from '../model/importModel';
import { decodeSession, encodeSession, type Session } from '../store/session';
import { patch, useStore } from '../store/store';
import { downloadFile } from './downloadFile';
import { getBridge } from './workerBridge';

const db = createStore('mnist-playground', 'sessions');

export type SavedMeta = { id: string; name: string; savedAt: string; batch: number };
/** What IndexedDB holds per session: a small summary for the list, and the session file's text. */
type SavedRecord = { meta: Omit<SavedMeta, 'id'>; text: string };

/** The current session, with the worker's current weights. */
export async function captureSession(name: string): Promise<Session> {
  const { point } = await getBridge().request({ type: 'getWeights' }, 'weights');
  const { config, metrics } = useStore.getState();
  return {
    name,
    savedAt: new Date().toISOString(),
    network: config.network,
    train: config.train,
    point,
    history: { series: metrics.series, epochs: metrics.epochs, markers: metrics.markers },
  };
}

/** Puts a decoded session in place of the current one (after asking, if weights would be lost). */
export async function openSession(s: Session): Promise<boolean> {
  const { batch } = useStore.getState().status;
  if (batch > 0 && !window.confirm(i18next.t('io.confirmOpen', { name: s.name, batch }))) return false;
  patch('config', { network: s.network, train: s.train, presetId: presetOf(s.network) ?? 'custom' });
  const done = await getBridge().request({ type: 'loadSession', network: s.network, config: s.train, point: s.point }, 'sessionLoaded');
  patch('metrics', { series: s.history.series, epochs: s.history.epochs, markers: s.history.markers });
  patch('status', { batch: done.batch, epoch: done.epoch });
  patch('ui', { notice: s.point ? msg('io.openedTrainedNotice', { name: s.name, batch: s.point.batch }) : msg('io.openedNotice', { name: s.name }) });
  return true;
}

export async function saveToBrowser(name: string): Promise<SavedMeta> {
  const s = await captureSession(name);
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  const meta = { name: s.name, savedAt: s.savedAt, batch: s.point?.batch ?? 0 };
  await set(id, { meta, text: encodeSession(s) } satisfies SavedRecord, db);
  return { id, ...meta };
}

/** The saved sessions, newest first. Only their summaries are read: weights are checked when one is opened. */
export async function listSaved(): Promise<SavedMeta[]> {
  const all = await entries<string, SavedRecord>(db);
  return all
    .filter(([, r]) => typeof r?.meta?.name === 'string')
    .map(([id, r]) => ({ id, ...r.meta }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Opens a saved session; returns an error message, or null when it opened (or the person declined). */
export async function openSaved(id: string): Promise<Msg | null> {
  const rec = await get<SavedRecord>(id, db);
  if (!rec) return msg('io.gone');
  const r = decodeSession(rec.text);
  if (!r.ok) return r.error;
  await openSession(r.session);
  return null;
}

export async function renameSaved(id: string, name: string) {
  const rec = await get<SavedRecord>(id, db);
  if (!rec) return;
  const r = decodeSession(rec.text);
  if (r.ok) await set(id, { meta: { ...rec.meta, name }, text: encodeSession({ ...r.session, name }) } satisfies SavedRecord, db);
}

export const deleteSaved = (id: string) => del(id, db);

export async function downloadSession(name: string) {
  const s = await captureSession(name);
  downloadFile(`${name.replace(/[^\w.-]+/g, '_') || 'session'}.mnist-session.json`, new Blob([encodeSession(s)], { type: 'application/json' }));
}

/** Opens a session file chosen by the person; returns an error message or null. */
export async function openSessionFile(file: File): Promise<Msg | null> {
  const r = decodeSession(await file.text());
  if (!r.ok) return r.error;
  await openSession(r.session);
  return null;
}

/** Imports a TensorFlow.js Layers model (model.json plus its weight files); returns an error message or null. */
export async function importModelFiles(files: File[]): Promise<Msg | null> {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) return msg('io.chooseModelJson');
  const buffers = new Map<string, ArrayBuffer>();
  for (const f of files) if (f !== json) buffers.set(f.name, await f.arrayBuffer());
  const r = importLayersModel(await json.text(), buffers);
  if (!r.ok) return r.error;
  const { train } = useStore.getState().config;
  const name = json.name.replace(/\.json$/, '');
  await openSession({ name: i18next.t('io.importedName', { name }), savedAt: '', network: r.network, train, point: { batch: 0, epoch: 0, weights: r.weights }, history: { series: [], epochs: [], markers: [] } });
  return null;
}
