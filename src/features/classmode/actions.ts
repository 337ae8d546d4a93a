// Class mode's named actions: the teacher's challenge form, the student's answer and hand-in, and the class
// board (add, open, verify, save, export). Codes, files and stored boards pass one decoder (resultCode.ts).
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { failureText, getClient, getReplayClient } from '../../client';
import { measureGoal, type Challenge } from '../../model/challenge';
import { msg, type Msg } from '../../model/msg';
import { inferNetwork } from '../../model/shapes';
import { downloadFile } from '../../services/downloadFile';
import { nativeConfirm, type Ask } from '../../services/dialogs';
import { patch } from '../../store/actions';
import { downsampleSeries, MAX_RUNS, runsToCsv } from '../../store/runs';
import { useStore, type BoardEntry, type VerifyState } from '../../store/store';
import {
  decodeBoardFile,
  encodeBoardFile,
  judge,
  MAX_ENTRIES,
  MAX_FILE,
  MAX_FILES,
  parseLines,
  refusedMessage,
  runIdOf,
  sortEntries,
  submissionRun,
} from './board';
import { CODE_CURVE_POINTS, encodeSubmission, MAX_ANSWER, MAX_NAME, type Submission } from './resultCode';
import { cleanText } from '../../model/challenge';
import { selectAnswerLocked } from './selectors';

// ---- The teacher's challenge form ----

export const toggleChallengeForm = () => patch('challenge', { formOpen: !useStore.getState().challenge.formOpen });

/** Changes fields of the challenge being built; the link follows (selectors.ts). */
export const setDraft = (part: Partial<Challenge>) =>
  patch('challenge', { draft: { ...useStore.getState().challenge.draft, ...part } });

/** Puts a challenge on this page (a lesson's, or the teacher trying the form's); null takes it off. */
export function setActiveChallenge(c: Challenge | null) {
  patch('challenge', { active: c, handIn: null, handInError: null });
}

/** A lesson's closing challenge: on this page at once, and in the form, so its link can be handed out. */
export function startLessonChallenge(c: Challenge) {
  setActiveChallenge(c);
  patch('challenge', { draft: c });
}

// ---- The student's side ----

/** The prediction; fixed once training has started, so it stays a prediction. */
export function setAnswer(text: string) {
  if (selectAnswerLocked(useStore.getState())) return;
  patch('challenge', { answer: text.slice(0, MAX_ANSWER) });
}

export const setName = (text: string) => patch('challenge', { name: text.slice(0, MAX_NAME) });

/**
 * Hands in the current run: asks the worker what shaped it (its run log), keeps the epochs within the
 * challenge's limit and the changes before the last of them, and writes the code.
 */
export async function handIn(): Promise<void> {
  const { challenge, metrics } = useStore.getState();
  const c = challenge.active;
  if (!c || challenge.handing) return;
  const counted = metrics.epochs.filter((e) => c.maxEpochs === 0 || e.epoch <= c.maxEpochs);
  const last = counted.at(-1);
  if (!last) return patch('challenge', { handInError: msg('handin.noEpoch') });
  patch('challenge', { handing: true, handInError: null });
  try {
    const log = await getClient().request('runLog', {});
    const s = useStore.getState();
    const submission: Submission = {
      challenge: c,
      name: cleanText(s.challenge.name, MAX_NAME),
      answer: cleanText(s.challenge.answer, MAX_ANSWER),
      start: log.start,
      changes: log.changes.filter((x) => x.batch < last.batch),
      backend: log.backend,
      epochs: counted.map((e) => ({ epoch: e.epoch, testAccuracy: e.testAccuracy, testLoss: e.testLoss })),
      curve: curveOf(s.metrics.series.filter((p) => p.batch <= last.batch)),
      taints: log.taints,
      at: new Date().toISOString(),
    };
    const code = encodeSubmission(submission);
    if (!code) return patch('challenge', { handing: false, handInError: msg('handin.tooBig') });
    const goal = measureGoal(c, submission.epochs, inferNetwork(submission.start.network).totalParams);
    patch('challenge', {
      handing: false,
      handIn: { code, best: goal.best, met: goal.met, epochs: goal.epochs, taints: submission.taints },
    });
  } catch (e) {
    patch('challenge', { handing: false, handInError: failureText(e) });
  }
}

/** The loss curve, downsampled for a code (finite points only). */
const curveOf = (points: { batch: number; loss: number }[]) =>
  downsampleSeries(
    points.filter((p) => Number.isFinite(p.loss) && p.loss >= 0),
    CODE_CURVE_POINTS,
  ).map((p) => ({ batch: p.batch, loss: p.loss }));

/** The hand-in as a file: the code, with a readable header the board skips. */
export function downloadHandIn(header: string) {
  const h = useStore.getState().challenge;
  if (!h.handIn) return;
  const name = (h.name.trim() || 'student').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40);
  const text = `${header
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${h.handIn.code}\n`;
  downloadFile(`hand-in-${name}.txt`, new Blob([text], { type: 'text/plain' }));
}

// ---- The class board ----

let store: UseStore | null = null;
const boardStore = () => (store ??= createStore('mnist-playground-board', 'board'));
const BOARD_KEY = 'board';
let restored = false;

/** Keeps the board in this browser, so a reload or a closed tab loses nothing. Failures only cost the copy. */
function persist() {
  try {
    void set(BOARD_KEY, encodeBoardFile(useStore.getState().board.entries), boardStore()).catch(() => {});
  } catch {
    // site storage blocked (touching indexedDB throws): the board lives in this tab only
  }
}

function setEntries(entries: BoardEntry[]) {
  patch('board', { entries: sortEntries(entries) });
  persist();
}

export async function toggleBoard() {
  const open = !useStore.getState().board.open;
  patch('board', { open });
  if (open && !restored) {
    restored = true;
    try {
      const text = await get<string>(BOARD_KEY, boardStore());
      const saved = typeof text === 'string' ? decodeBoardFile(text) : null;
      if (saved) addDecoded(saved, false);
    } catch {
      // storage blocked: the board starts empty
    }
  }
}

/** Adds codes with known verdicts (a board file, the stored board); returns the refused lines' text. */
function addDecoded(items: { code: string; verify: VerifyState }[], report: boolean): string {
  const { entries } = useStore.getState().board;
  const parsed = parseLines(
    items.map((i) => i.code).join('\n'),
    new Set(entries.map((e) => e.code)),
    MAX_ENTRIES - entries.length,
  );
  const verdict = new Map(items.map((i) => [i.code.trim(), i.verify]));
  const added: BoardEntry[] = parsed.added.map((a) => ({
    ...a,
    verify: a.submission.taints.length ? 'unverifiable' : (verdict.get(a.code) ?? ''),
    replay: null,
    progress: 0,
    note: null,
  }));
  setEntries([...useStore.getState().board.entries, ...added]);
  if (report) patch('board', { error: refusedMessage(parsed.refused) });
  return parsed.keep;
}

/** Adds pasted codes (one per line); returns the refused lines, to leave in the box. `board.error` says why. */
export function addCodes(text: string): string {
  return addDecoded(
    text.split(/\r\n|\r|\n/).map((code) => ({ code, verify: '' as const })),
    true,
  );
}

/** Opens hand-in files and board files, many at once. */
export async function openBoardFiles(files: File[]): Promise<void> {
  const problems: Msg[] = [];
  const items: { code: string; verify: VerifyState }[] = [];
  for (const f of files.slice(0, MAX_FILES)) {
    if (f.size > MAX_FILE) {
      problems.push(msg('board.fileTooBig', { name: f.name.slice(0, 60), max: MAX_FILE / 1024 }));
      continue;
    }
    const text = await f.text().catch(() => null);
    if (text === null) {
      problems.push(msg('board.fileUnreadable', { name: f.name.slice(0, 60) }));
      continue;
    }
    const board = decodeBoardFile(text);
    items.push(...(board ?? text.split(/\r\n|\r|\n/).map((code) => ({ code, verify: '' as const }))));
  }
  if (files.length > MAX_FILES) problems.push(msg('board.tooManyFiles', { max: MAX_FILES }));
  addDecoded(items, true);
  const refused = useStore.getState().board.error;
  const first = problems[0] ?? null;
  if (first) patch('board', { error: refused ? msg('change.list', { first, rest: refused }) : first });
}

function updateEntry(code: string, part: Partial<BoardEntry>) {
  patch('board', {
    entries: useStore.getState().board.entries.map((e) => (e.code === code ? { ...e, ...part } : e)),
  });
}

/**
 * Replays a submission in the replay worker on this machine's backend and compares every epoch it claims; a run
 * that something else shaped is marked unverifiable without a replay.
 */
export async function verifyEntry(code: string): Promise<void> {
  const e = useStore.getState().board.entries.find((x) => x.code === code);
  if (!e || e.verify === 'running') return;
  const s = e.submission;
  if (s.taints.length) return updateEntry(code, { verify: 'unverifiable' });
  if (s.epochs.length === 0) return updateEntry(code, { verify: 'no', note: msg('board.noEpochs') });
  updateEntry(code, { verify: 'running', progress: 0, note: null });
  const backend = useStore.getState().status.backend ?? 'wasm';
  try {
    const r = await getReplayClient().replay(
      { backend, start: s.start, changes: s.changes, epochs: s.epochs.at(-1)!.epoch },
      (share) => updateEntry(code, { progress: share }),
    );
    const j = judge(s, r);
    updateEntry(code, {
      verify: j.state,
      replay: r,
      progress: 1,
      note: msg(j.state === 'yes' ? 'board.agrees' : 'board.disagrees', {
        worst: j.worst === Infinity ? '—' : j.worst.toFixed(4),
        tolerance: j.tolerance,
        backend: r.backend,
        seconds: r.seconds.toFixed(1),
      }),
    });
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    if (text === 'cancelled') return updateEntry(code, { verify: '', progress: 0 });
    updateEntry(code, { verify: '', progress: 0, note: msg('board.replayFailed', { detail: text.slice(0, 160) }) });
  }
  persist();
}

/** Verifies every submission not checked yet, one after another. */
export function verifyAll() {
  for (const e of useStore.getState().board.entries) if (e.verify === '') void verifyEntry(e.code);
}

export function removeEntry(code: string) {
  hideOnCharts(code);
  setEntries(useStore.getState().board.entries.filter((e) => e.code !== code));
}

export function clearBoard(ask: Ask = nativeConfirm, question = '') {
  const { entries } = useStore.getState().board;
  if (entries.length === 0 || !ask(question)) return;
  getReplayClient().cancel();
  for (const e of entries) hideOnCharts(e.code);
  patch('board', { error: null });
  setEntries([]);
}

function hideOnCharts(code: string) {
  const id = runIdOf(code);
  const { list, overlay } = useStore.getState().runs;
  if (!list.some((r) => r.id === id)) return;
  patch('runs', { list: list.filter((r) => r.id !== id), overlay: overlay.filter((x) => x !== id) });
  patch('board', { shown: useStore.getState().board.shown.filter((c) => c !== code) });
}

/** Shows a student's curve on the runs charts (as a run of its own), or takes it off. */
export function toggleOnCharts(code: string) {
  const e = useStore.getState().board.entries.find((x) => x.code === code);
  if (!e) return;
  if (useStore.getState().board.shown.includes(code)) return hideOnCharts(code);
  const run = submissionRun(code, e.submission);
  const { list, overlay } = useStore.getState().runs;
  patch('runs', {
    list: [...list.filter((r) => r.id !== run.id), run].slice(-MAX_RUNS),
    overlay: [...overlay, run.id],
  });
  patch('board', { shown: [...useStore.getState().board.shown, code] });
}

const stamp = () => new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');

export function saveBoardFile() {
  const text = encodeBoardFile(useStore.getState().board.entries);
  downloadFile(`class-board-${stamp()}.json`, new Blob([text], { type: 'application/json' }));
}

/** The board as CSV, written by the runs' CSV writer: one row per submission and epoch. */
export function downloadBoardCsv() {
  const runs = useStore.getState().board.entries.map((e) => submissionRun(e.code, e.submission));
  downloadFile(`class-board-${stamp()}.csv`, new Blob([runsToCsv(runs)], { type: 'text/csv' }));
}
