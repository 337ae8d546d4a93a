// The class board's pure parts: pasted lines → submissions (or the reason each line is refused), the table's
// order, Verify's judgement and tolerance, a submission as a run (for the runs charts and the runs' CSV writer),
// and the board's own file. Every line, file and stored board passes decodeSubmission (resultCode.ts).
import { isObj } from '../../model/guards';
import { msg, type Msg } from '../../model/msg';
import type { BoardEntry, EpochResult, VerifyState } from '../../store/store';
import { newRun, type RunRecord } from '../../store/runs';
import { decodeSubmission, summarize, type Submission } from './resultCode';

/** Most submissions a board holds, lines read per add, and files opened at once (each at most MAX_FILE bytes). */
export const MAX_ENTRIES = 300;
export const MAX_LINES = 1000;
export const MAX_FILES = 100;
export const MAX_FILE = 256 * 1024;

export type Parsed = {
  added: { code: string; submission: Submission }[];
  /** Refused lines: their number in the paste (1-based) and why. */
  refused: { line: number; problem: Msg }[];
  duplicates: number;
  /** The refused lines' text, to leave in the box for fixing. */
  keep: string;
};

/** Pasted text → the codes to add; `known` are the codes already on the board (an exact duplicate is ignored). */
export function parseLines(text: string, known: ReadonlySet<string>, room: number): Parsed {
  const out: Parsed = { added: [], refused: [], duplicates: 0, keep: '' };
  const keep: string[] = [];
  const seen = new Set(known);
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue; // blank lines and a hand-in file's comments
    if (i >= MAX_LINES) {
      out.refused.push({ line: i + 1, problem: msg('board.tooManyLines', { max: MAX_LINES }) });
      break;
    }
    if (seen.has(line)) {
      out.duplicates++;
      continue;
    }
    const d = decodeSubmission(line);
    if (!d.ok) {
      out.refused.push({ line: i + 1, problem: d.problem });
      keep.push(line.slice(0, 2100));
      continue;
    }
    if (out.added.length >= room) {
      out.refused.push({ line: i + 1, problem: msg('board.full', { max: MAX_ENTRIES }) });
      keep.push(line);
      continue;
    }
    seen.add(line);
    out.added.push({ code: line, submission: d.value });
  }
  out.keep = keep.join('\n');
  return out;
}

/** Why lines were refused, as one message: the first few with their line numbers. */
export function refusedMessage(refused: Parsed['refused']): Msg | null {
  if (refused.length === 0) return null;
  const first = refused.slice(0, 3).map((r) => msg('board.refusedLine', { line: r.line, problem: r.problem }));
  return msg(`board.refused${first.length}`, {
    count: refused.length,
    l1: first[0],
    l2: first[1] ?? '',
    l3: first[2] ?? '',
  });
}

/** Best test accuracy within the limits first; ties: fewer parameters; then by name. */
export function sortEntries(entries: BoardEntry[]): BoardEntry[] {
  const key = (e: BoardEntry) => summarize(e.submission);
  return entries
    .map((e) => ({ e, k: key(e) }))
    .sort(
      (a, b) =>
        (b.k.best ?? -1) - (a.k.best ?? -1) ||
        a.k.params - b.k.params ||
        a.e.submission.name.localeCompare(b.e.submission.name),
    )
    .map((x) => x.e);
}

/**
 * How close a replay must come to each epoch's claimed test accuracy. On the backend the run used, a replay
 * repeats the run exactly (measured: `npm run replay-drift`, and the replay unit test); the allowance of 0.001
 * (10 of 10,000 test images) only absorbs rounding when a code is written. On another backend float rounding
 * differs in the last bits of every product and grows over training: wasm and the plain-JS cpu backend measured
 * 0-0.0007 apart after one epoch of the founding MLP, GPUs with 16-bit textures can drift further, so 0.005
 * (50 images). A forged result beyond that fails.
 */
export const TOLERANCE = { sameBackend: 0.001, otherBackend: 0.005 } as const;

export type Judgement = { state: Extract<VerifyState, 'yes' | 'no'>; worst: number; tolerance: number };

/** Compares a replay's accuracies with the epochs a submission claims. */
export function judge(s: Submission, replay: { accuracies: number[]; backend: string }): Judgement {
  const tolerance = replay.backend === s.backend ? TOLERANCE.sameBackend : TOLERANCE.otherBackend;
  let worst = 0;
  for (const e of s.epochs) {
    const r = replay.accuracies[e.epoch - 1];
    worst = Math.max(worst, r === undefined ? Infinity : Math.abs(r - e.testAccuracy));
  }
  return { state: s.epochs.length > 0 && worst <= tolerance ? 'yes' : 'no', worst, tolerance };
}

/** The id a submission's curve has among the runs. */
export const runIdOf = (code: string) => `board-${code.slice(-8)}`;

/** A submission as a run record: its curve on the runs charts, its rows in the runs' CSV. */
export function submissionRun(code: string, s: Submission): RunRecord {
  const run = newRun(runIdOf(code), s.start.network, s.start.config, s.backend, s.at || new Date(0).toISOString());
  const perEpoch = Math.max(1, Math.floor((s.start.config.trainSize || 60000) / s.start.config.batchSize));
  const epochs: EpochResult[] = s.epochs.map((e) => ({
    epoch: e.epoch,
    batch: e.epoch * perEpoch,
    testAccuracy: e.testAccuracy,
    testLoss: e.testLoss,
  }));
  // A code keeps no training accuracy; the latest epoch's test accuracy stands in (overlaid runs draw only
  // their loss curve and test points), so the run stays a valid record for sessions and exports.
  const accuracyAt = (batch: number) =>
    epochs.findLast((e) => e.batch <= batch)?.testAccuracy ?? epochs[0]?.testAccuracy ?? 0;
  const series = s.curve.map((p) => ({ batch: p.batch, loss: p.loss, accuracy: accuracyAt(p.batch) }));
  return { ...run, name: s.name || '—', renamed: true, epochs, series };
}

/** The board as a file (codes and verdicts), to save like a session and open again. */
export function encodeBoardFile(entries: BoardEntry[]): string {
  return JSON.stringify(
    {
      kind: 'mnist-playground-class-board',
      version: 1,
      entries: entries.map((e) => ({ code: e.code, verify: e.verify })),
    },
    null,
    1,
  );
}

const KEPT: readonly VerifyState[] = ['yes', 'no', 'unverifiable'];

/**
 * A board file (or stored board) → its codes and verdicts, or null when the text is not one. Verdicts other than
 * the final three are dropped (a replay that was running is not running now); every code is decoded again on add.
 */
export function decodeBoardFile(text: string): { code: string; verify: VerifyState }[] | null {
  if (text.length > MAX_FILE * 4 || !text.trimStart().startsWith('{')) return null;
  try {
    const f: unknown = JSON.parse(text);
    if (!isObj(f) || f.kind !== 'mnist-playground-class-board' || f.version !== 1 || !Array.isArray(f.entries))
      return null;
    return f.entries
      .slice(0, MAX_ENTRIES)
      .flatMap((e: unknown) =>
        isObj(e) && typeof e.code === 'string' && e.code.length <= 2100
          ? [{ code: e.code, verify: (KEPT as readonly unknown[]).includes(e.verify) ? (e.verify as VerifyState) : '' }]
          : [],
      );
  } catch {
    return null;
  }
}
