// Saving and opening whole sessions: in the browser (IndexedDB through idb-keyval) and as files.
// Opening validates the whole file first (decodeSession), so a bad file leaves the current session untouched.
// Nothing here throws: storage that is full, missing (private mode) or broken, and a worker that does not
// answer, all come back as a message for the person.
import { createStore, del, get, keys, set, setMany, type UseStore } from 'idb-keyval';
import { i18next } from '../../i18n/i18n';
import { presetOf } from '../../model/presets';
import { importLayersModel, MAX_MODEL_FILE_BYTES } from '../../model/importModel';
import { msg, type Msg } from '../../model/msg';
import { experimentProblem } from '../../model/trainFields';
import { MAX_RUNS } from '../../store/runs';
import { decodeSession, encodeSession, MAX_SESSION_BYTES, sessionName, type Session } from './session';
import { useStore } from '../../store/store';
import { patch } from '../../store/actions';
import { downloadFile } from '../../services/downloadFile';
import { getClient, RequestError } from '../../client';
import { lockProblem } from '../experiment';
import { mergeSessionDigits } from '../mydigits';
import { nativeConfirm, type Ask } from '../../services/dialogs';

type Stores = { db: UseStore; index: UseStore };
let stores: Stores | null = null;
/**
 * The two IndexedDB stores, opened on first use, not at import: where site storage is blocked, touching
 * `indexedDB` throws a SecurityError, and at import that would leave the page blank. Session files by id
 * ({ meta, text } records from before the index existed are still read); summaries by id, so listing never
 * reads the weights (a separate database: idb-keyval keeps one store per database).
 */
function open(): Stores {
  stores ??= {
    db: createStore('mnist-playground', 'sessions'),
    index: createStore('mnist-playground-index', 'summaries'),
  };
  return stores;
}

export type SavedMeta = { id: string; name: string; savedAt: string; batch: number };
type Summary = Omit<SavedMeta, 'id'>;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Msg };
const failed = <T>(error: Msg): Outcome<T> => ({ ok: false, error });

/** A storage or worker failure as a message; anything unexpected is reported with its text, not thrown. */
function problemOf(e: unknown): Msg {
  if (e instanceof RequestError) return e.text;
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return msg('io.storageFull');
  // Site storage blocked by a browser setting (reading `indexedDB` throws) or refused by the browser.
  if (name === 'SecurityError' || name === 'InvalidStateError' || e instanceof ReferenceError)
    return msg('io.storageUnavailable');
  return msg('io.storageFailed', { detail: (e instanceof Error ? e.message : String(e)).slice(0, 160) });
}

/** Whatever goes wrong comes back as a message: a file picker's handler has nobody above it to catch. */
const guarded =
  <A extends unknown[], T>(f: (...args: A) => Promise<Outcome<T>>) =>
  async (...args: A): Promise<Outcome<T>> => {
    try {
      return await f(...args);
    } catch (e) {
      return failed(problemOf(e));
    }
  };

async function attempt<T>(f: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return failed(problemOf(e));
  }
}

const isSummary = (x: unknown): x is Summary => {
  const m = x as Summary;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof m.name === 'string' &&
    typeof m.savedAt === 'string' &&
    Number.isSafeInteger(m.batch) &&
    m.batch >= 0
  );
};

/** The text of a stored session, from either record layout; null when the record is not one. */
function textOf(rec: unknown): string | null {
  if (typeof rec === 'string') return rec;
  const t = (rec as { text?: unknown } | null)?.text;
  return typeof t === 'string' ? t : null;
}

/** Why the current network and hyperparameters cannot be saved (they would never open again), or null. */
export function unsavableProblem(): Msg | null {
  const { network, train } = useStore.getState().config;
  const problem = experimentProblem(network, train);
  return problem && msg('io.cannotSave', { problem });
}

/** The current session, with the worker's current weights. */
export async function captureSession(name: string): Promise<Outcome<Session>> {
  const problem = unsavableProblem();
  if (problem) return failed(problem);
  return attempt(async () => {
    const point = await getClient().request('getWeights', {});
    const { config, metrics } = useStore.getState();
    return {
      name: sessionName(name),
      savedAt: new Date().toISOString(),
      network: config.network,
      train: config.train,
      point,
      history: { series: metrics.series, epochs: metrics.epochs, markers: metrics.markers },
      runs: useStore.getState().runs.list,
      myDigits: useStore.getState().mine.items,
    };
  });
}

/**
 * Puts a decoded session in place of the current one (after asking, if weights would be lost). A session whose
 * network or hyperparameters differ in a part the exercise link locked is refused whole, before anything changes.
 */
export const openSession = guarded(
  async (s: Session, source: 'session' | 'import' = 'session', ask: Ask = nativeConfirm): Promise<Outcome<boolean>> => {
    const locked = lockProblem({ network: s.network, train: s.train }, source);
    if (locked) return failed(locked);
    const { batch } = useStore.getState().status;
    if (batch > 0 && !ask(i18next.t('io.confirmOpen', { name: s.name, batch }))) return { ok: true, value: false };
    const r = await attempt(() =>
      getClient().request('loadSession', { network: s.network, config: s.train, point: s.point }, 180_000),
    );
    if (!r.ok) return r; // the worker kept the current session, and the page has not changed yet
    patch('config', { network: s.network, train: s.train, presetId: presetOf(s.network) ?? 'custom' });
    // The file's runs join the ones here (the same run saved twice is kept once); the run that was training when it
    // was saved continues (before the metrics arrive, so the run recorder updates it rather than starting another).
    const known = new Set(useStore.getState().runs.list.map((r) => r.id));
    const last = s.history.series.at(-1)?.batch;
    const continued = s.runs.find((r) => last !== undefined && r.series.at(-1)?.batch === last);
    patch('runs', {
      list: [...s.runs.filter((r) => !known.has(r.id)), ...useStore.getState().runs.list].slice(0, MAX_RUNS),
      currentId: continued?.id ?? null,
    });
    patch('metrics', { series: s.history.series, epochs: s.history.epochs, markers: s.history.markers });
    // The file's digits join my digits (duplicates dropped); when they would not fit, the notice says so.
    const full = mergeSessionDigits(s.myDigits);
    patch('status', { batch: r.value.batch, epoch: r.value.epoch });
    patch('ui', {
      savedBatch: r.value.batch,
      notice:
        full ??
        (s.point
          ? msg('io.openedTrainedNotice', { name: s.name, batch: s.point.batch })
          : msg('io.openedNotice', { name: s.name })),
    });
    return { ok: true, value: true };
  },
);

let persistAsked = false;
/** Asks once for storage the browser will not evict under pressure; saving works either way. */
function askPersistence() {
  if (persistAsked) return;
  persistAsked = true;
  void navigator.storage?.persist?.().catch(() => false);
}

export async function saveToBrowser(name: string): Promise<Outcome<SavedMeta>> {
  const s = await captureSession(name);
  if (!s.ok) return s;
  askPersistence();
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  const meta: Summary = { name: s.value.name, savedAt: s.value.savedAt, batch: s.value.point?.batch ?? 0 };
  return attempt(async () => {
    await set(id, encodeSession(s.value), open().db);
    await set(id, meta, open().index);
    patch('ui', { savedBatch: meta.batch });
    return { id, ...meta };
  });
}

/** The saved sessions, newest first, from their summaries; records saved before the index get one now. */
export async function listSaved(): Promise<Outcome<SavedMeta[]>> {
  return attempt(async () => {
    const ids = (await keys(open().db)).filter((k): k is string => typeof k === 'string');
    const summaries = await Promise.all(ids.map((id) => get<unknown>(id, open().index)));
    const missing = ids.filter((_, i) => !isSummary(summaries[i]));
    const rebuilt: [string, Summary][] = [];
    for (const id of missing) {
      const rec = await get<unknown>(id, open().db);
      const legacy = (rec as { meta?: unknown } | null)?.meta;
      if (isSummary(legacy)) rebuilt.push([id, legacy]);
      else if (textOf(rec) !== null) rebuilt.push([id, { name: id, savedAt: '', batch: 0 }]);
    }
    if (rebuilt.length) await setMany(rebuilt, open().index);
    const byId = new Map<string, Summary>(rebuilt);
    ids.forEach((id, i) => isSummary(summaries[i]) && byId.set(id, summaries[i] as Summary));
    return [...byId.entries()]
      .map(([id, m]) => ({ id, ...m, name: m.name.slice(0, 100) }))
      .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  });
}

/** Opens a saved session; false when the person declined. */
export const openSaved = guarded(async (id: string): Promise<Outcome<boolean>> => {
  const rec = await attempt(() => get<unknown>(id, open().db));
  if (!rec.ok) return rec;
  const text = textOf(rec.value);
  if (text === null) return failed(msg('io.gone'));
  const r = decodeSession(text);
  return r.ok ? openSession(r.session) : failed(r.error);
});

export async function renameSaved(id: string, name: string): Promise<Outcome<void>> {
  const rec = await attempt(() => get<unknown>(id, open().db));
  if (!rec.ok) return rec;
  const text = textOf(rec.value);
  const r = text === null ? null : decodeSession(text);
  if (!r) return failed(msg('io.gone'));
  if (!r.ok) return failed(r.error);
  const session = { ...r.session, name: name.slice(0, 100) };
  return attempt(async () => {
    await set(id, encodeSession(session), open().db);
    await set(
      id,
      { name: session.name, savedAt: session.savedAt, batch: session.point?.batch ?? 0 } satisfies Summary,
      open().index,
    );
  });
}

export const deleteSaved = (id: string): Promise<Outcome<void>> =>
  attempt(async () => {
    await del(id, open().db);
    await del(id, open().index);
  });

export async function downloadSession(name: string): Promise<Outcome<void>> {
  const s = await captureSession(name);
  if (!s.ok) return s;
  downloadFile(
    `${name.replace(/[^\w.-]+/g, '_') || 'session'}.mnist-session.json`,
    new Blob([encodeSession(s.value)], { type: 'application/json' }),
  );
  patch('ui', { savedBatch: s.value.point?.batch ?? 0 });
  return { ok: true, value: undefined };
}

/** Opens a session file chosen by the person. Its size is checked before it is read. */
export const openSessionFile = guarded(async (file: File): Promise<Outcome<boolean>> => {
  if (file.size > MAX_SESSION_BYTES) return failed(msg('file.sessionUnreadable', { why: msg('file.tooLarge') }));
  const text = await attempt(() => file.text());
  if (!text.ok) return text;
  const r = decodeSession(text.value);
  return r.ok ? openSession(r.session) : failed(r.error);
});

/** Imports a TensorFlow.js Layers model (model.json plus its weight files). */
export const importModelFiles = guarded(async (files: File[]): Promise<Outcome<boolean>> => {
  const json = files.find((f) => f.name.endsWith('.json'));
  if (!json) return failed(msg('io.chooseModelJson'));
  // All of them together: the weights a manifest reads add up to at most MAX_MODEL_FILE_BYTES, model.json as much.
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > 2 * MAX_MODEL_FILE_BYTES)
    return failed(
      msg('import.unreadable', {
        why: msg('import.manifestTooLarge', {
          mb: Math.ceil(total / 2 ** 20),
          limit: (2 * MAX_MODEL_FILE_BYTES) / 2 ** 20,
        }),
      }),
    );
  const tooBig = files.find((f) => f.size > MAX_MODEL_FILE_BYTES);
  if (tooBig)
    return failed(
      msg('import.unreadable', {
        why: msg('import.fileTooLarge', { file: tooBig.name.slice(0, 80), mb: MAX_MODEL_FILE_BYTES / 2 ** 20 }),
      }),
    );
  const read = await attempt(async () => {
    const buffers = new Map<string, ArrayBuffer>();
    for (const f of files) if (f !== json) buffers.set(f.name, await f.arrayBuffer());
    return { text: await json.text(), buffers };
  });
  if (!read.ok) return read;
  const r = importLayersModel(read.value.text, read.value.buffers);
  if (!r.ok) return failed(r.error);
  const { train } = useStore.getState().config;
  const problem = experimentProblem(r.network, train);
  if (problem) return failed(msg('import.network', { problem }));
  const name = json.name.replace(/\.json$/, '');
  return openSession(
    {
      name: i18next.t('io.importedName', { name }),
      savedAt: '',
      network: r.network,
      train,
      point: { batch: 0, epoch: 0, weights: r.weights },
      history: { series: [], epochs: [], markers: [] },
      runs: [],
      myDigits: [],
    },
    'import',
  );
});
