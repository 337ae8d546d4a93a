// My digits' named actions: add from the pad, delete, clear, open files (merged), download, and training with
// them. Every change bumps the set's version, goes to the worker (which tests the set after each epoch) and is
// stored in this browser (IndexedDB through idb-keyval, like sessions). A refused file changes nothing.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { i18next } from '../../i18n/i18n';
import {
  decodeDigitsSliced,
  digitsTensorData,
  encodeDigits,
  makeDigit,
  MAX_DIGITS_FILE,
  tooLargeError,
  mergeDigits,
  type MyDigit,
} from '../../data/myDigits';
import type { Stroke } from '../../data/strokes';
import { msg, type Msg } from '../../model/msg';
import { getClient } from '../../client';
import { patch } from '../../store/actions';
import { useStore } from '../../store/store';
import { downloadFile } from '../../services/downloadFile';
import { nativeConfirm, type Ask } from '../../services/dialogs';
import { applyTrain } from '../experiment';

const KEY = 'set';
/** Lets input and painting run between slices of a long decode (a macrotask, not a microtask). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
let db: UseStore | null = null;
/** Opened on first use: where site storage is blocked, touching indexedDB throws (see sessions/actions.ts). */
const store = () => (db ??= createStore('mnist-playground-digits', 'digits'));

/** The set becomes `items`: a new version, sent to the worker, stored in the browser. */
function replaceSet(items: MyDigit[]) {
  const version = useStore.getState().mine.version + 1;
  patch('mine', { items, version });
  const t = digitsTensorData(items);
  getClient().setMyDigits(version, t.pixels, t.labels);
  void persist(items);
}

/** Stores the set in this browser; storage that is blocked, full or missing is said in a notice. */
async function persist(items: MyDigit[]) {
  try {
    await set(KEY, encodeDigits(items), store());
  } catch (e) {
    patch('ui', { notice: msg('mine.saveFailed', { detail: String((e as Error)?.message ?? e).slice(0, 120) }) });
  }
}

/** At start-up: the set this browser kept, if any (a damaged record is left alone and the set starts empty). */
export async function loadStoredDigits() {
  try {
    const text = await get<unknown>(KEY, store());
    if (typeof text !== 'string') return;
    const r = await decodeDigitsSliced(text, '', nextTask);
    if (r.ok && r.digits.length) replaceSet(r.digits);
  } catch {
    // Storage blocked or broken: my digits start empty; adding still works for this visit.
  }
}

/**
 * The pad's drawing (its strokes in canvas pixels, or a test image's 784 floats) kept with `label`. The message
 * says what happened (added, or already there).
 */
export function addDigit(label: number, input: ArrayLike<number>, strokes: readonly Stroke[] | null): Msg {
  const d = makeDigit(label, input, strokes);
  if (!d) return msg('mine.duplicate');
  const m = mergeDigits(useStore.getState().mine.items, [d]);
  if (!m.ok) return m.error;
  if (m.added === 0) return msg('mine.duplicate');
  replaceSet(m.digits);
  return msg('mine.added', { label, count: m.digits.length });
}

export function deleteDigit(id: string) {
  replaceSet(useStore.getState().mine.items.filter((d) => d.id !== id));
}

/** Removes every digit, after the browser's confirm. */
export function clearDigits(ask: Ask = nativeConfirm): boolean {
  const n = useStore.getState().mine.items.length;
  if (n === 0 || !ask(i18next.t('mine.confirmClear', { count: n }))) return false;
  replaceSet([]);
  return true;
}

/** Several files into the set at once: every file is checked first; one bad file refuses them all. */
export async function openDigitFiles(files: File[]): Promise<{ ok: true; message: Msg } | { ok: false; error: Msg }> {
  const incoming: MyDigit[] = [];
  for (const f of files) {
    if (f.size > MAX_DIGITS_FILE) return { ok: false, error: fileError(f.name, files.length, tooLargeError()) };
    let text: string;
    try {
      text = await f.text();
    } catch {
      return {
        ok: false,
        error: fileError(f.name, files.length, msg('digits.unreadable', { why: msg('digits.notJson') })),
      };
    }
    const r = await decodeDigitsSliced(text, f.name, nextTask);
    if (!r.ok) return { ok: false, error: fileError(f.name, files.length, r.error) };
    incoming.push(...r.digits);
  }
  const m = mergeDigits(useStore.getState().mine.items, incoming);
  if (!m.ok) return m;
  if (m.added > 0) replaceSet(m.digits);
  return { ok: true, message: msg('mine.opened', { files: files.length, added: m.added, duplicates: m.duplicates }) };
}

/** With several files, the message names the one refused. */
const fileError = (name: string, files: number, error: Msg): Msg =>
  files > 1 ? msg('mine.fileRefused', { name: name.slice(0, 80), error }) : error;

export function downloadDigits() {
  const items = useStore.getState().mine.items;
  downloadFile(`my-digits-${items.length}.json`, new Blob([encodeDigits(items)], { type: 'application/json' }));
}

/** Mix my digits into training (a field of the experiment: live, in the link, recorded with runs). */
export function setTrainWithMine(on: boolean) {
  const { train } = useStore.getState().config;
  applyTrain({ ...train, trainWithMine: on });
}

/** A session's digits join the set (duplicates dropped); the message when they would not fit. */
export function mergeSessionDigits(digits: MyDigit[]): Msg | null {
  if (digits.length === 0) return null;
  const m = mergeDigits(useStore.getState().mine.items, digits);
  if (!m.ok) return m.error;
  if (m.added > 0) replaceSet(m.digits);
  return null;
}
