// The class board's pure parts: pasted lines (duplicates, typos, the cap), the order of the table, Verify's
// judgement at the stated tolerance, the board file (round trip, hostile files), a submission as a run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msg } from '../../model/msg';
import { presetById } from '../../model/presets';
import { decodeRun } from '../../store/runs';
import type { BoardEntry } from '../../store/store';
import { hostileJson } from '../../testing/fuzz';
import {
  decodeBoardFile,
  encodeBoardFile,
  judge,
  parseLines,
  refusedMessage,
  sortEntries,
  submissionRun,
  TOLERANCE,
} from './board';
import { encodeSubmission } from './resultCode';
import { sample } from '../../testing/submissionFixture';

const logistic = presetById('logistic').network;
const entry = (name: string, acc: number, network = sample().start.network): BoardEntry => {
  const submission = sample({
    name,
    start: { ...sample().start, network },
    epochs: [{ epoch: 1, testAccuracy: acc, testLoss: 0.2 }],
  });
  return { code: encodeSubmission(submission)!, submission, verify: '', replay: null, progress: 0, note: null };
};

describe('the class board', () => {
  it('adds valid lines, skips blanks, comments and exact duplicates, and keeps refused lines with their number', () => {
    const a = entry('Ada', 0.97).code,
      b = entry('Bo', 0.95).code;
    const typo = b.slice(0, 30) + (b[30] === 'Q' ? 'R' : 'Q') + b.slice(31);
    const p = parseLines(`# hand-in by Ada\n${a}\n\n  ${a}  \n${typo}\nhello\n`, new Set(), 10);
    expect(p.added.map((x) => x.submission.name)).toEqual(['Ada']);
    expect(p.duplicates).toBe(1);
    expect(p.refused.map((r) => [r.line, r.problem.key])).toEqual([
      [5, 'code.checksum'],
      [6, 'code.notACode'],
    ]);
    expect(p.keep).toBe(`${typo}\nhello`);
    expect(parseLines(a, new Set([a]), 10)).toMatchObject({ added: [], duplicates: 1 });
    expect(parseLines(`${a}\n${b}`, new Set(), 1).refused[0].problem.key).toBe('board.full');
    expect(refusedMessage(p.refused)).toEqual(
      msg('board.refused2', {
        count: 2,
        l1: msg('board.refusedLine', { line: 5, problem: msg('code.checksum') }),
        l2: msg('board.refusedLine', { line: 6, problem: msg('code.notACode') }),
        l3: '',
      }),
    );
    expect(refusedMessage([])).toBeNull();
  });

  it('sorts by best accuracy, then fewer parameters, then name', () => {
    const rows = sortEntries([
      entry('Cy', 0.95),
      entry('Bo', 0.97, logistic),
      entry('Ada', 0.97),
      entry('Di', 0.97, logistic),
    ]);
    expect(rows.map((e) => e.submission.name)).toEqual(['Bo', 'Di', 'Ada', 'Cy']);
  });

  it('judges every epoch against the replay at the tolerance of the backend', () => {
    const s = sample(); // claims 0.9612, 0.9733 on wasm
    expect(judge(s, { accuracies: [0.9612, 0.9733], backend: 'wasm' })).toMatchObject({ state: 'yes', worst: 0 });
    expect(judge(s, { accuracies: [0.9612, 0.9733 - 0.002], backend: 'wasm' }).state).toBe('no');
    expect(judge(s, { accuracies: [0.9612, 0.9733 - 0.002], backend: 'webgl' })).toMatchObject({
      state: 'yes',
      tolerance: TOLERANCE.otherBackend,
    });
    expect(judge(s, { accuracies: [0.9612 - 0.03, 0.9733], backend: 'wasm' }).state).toBe('no'); // any epoch
    expect(judge(s, { accuracies: [0.9612], backend: 'wasm' }).state).toBe('no'); // a missing epoch
    expect(judge({ ...s, epochs: [] }, { accuracies: [], backend: 'wasm' }).state).toBe('no');
  });

  it('saves and opens a board file; hostile files give null or only what they hold, never throw', () => {
    const entries = [
      { ...entry('Ada', 0.97), verify: 'yes' as const },
      { ...entry('Bo', 0.9), verify: 'running' as const },
    ];
    expect(decodeBoardFile(encodeBoardFile(entries))).toEqual([
      { code: entries[0].code, verify: 'yes' },
      { code: entries[1].code, verify: '' }, // a replay that was running is not running now
    ]);
    expect(decodeBoardFile('MNP1.abc.00000000')).toBeNull();
    expect(decodeBoardFile('{"kind":"mnist-playground-class-board","version":2,"entries":[]}')).toBeNull();
    fc.assert(
      fc.property(hostileJson, (j) => {
        const text = JSON.stringify({ kind: 'mnist-playground-class-board', version: 1, entries: j }) ?? '';
        const d = decodeBoardFile(text);
        if (d) for (const e of d) expect(typeof e.code).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('a submission is a valid run: its rows go through the runs CSV writer and it survives a session', () => {
    const e = entry('Ada', 0.97);
    const run = submissionRun(e.code, e.submission);
    expect(run).toMatchObject({ name: 'Ada', params: 101770, backend: 'wasm' });
    expect(decodeRun(JSON.parse(JSON.stringify(run)))).not.toBeNull();
  });
});
