// The class board (lazy): paste codes or open files, a table sorted by best test accuracy within the limits
// (ties: fewer parameters), the scatter of accuracy against parameters, the class's predictions, Verify for each
// submission (a replay in a worker of its own), and the board saved, opened and exported as CSV.
import './classmode.css';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ScatterPlot, { type ScatterPoint } from '../../charts/ScatterPlot';
import { useMsg } from '../../i18n/translate';
import { useStore, type VerifyState } from '../../store/store';
import {
  addCodes,
  clearBoard,
  downloadBoardCsv,
  openBoardFiles,
  saveBoardFile,
  toggleBoard,
  verifyAll,
} from './actions';
import { TOLERANCE } from './board';
import BoardPredictions from './BoardPredictions';
import BoardRow from './BoardRow';
import { summarize } from './resultCode';

const VERDICT_COLOR: Record<VerifyState, string> = {
  '': '#1f77b4',
  running: '#9467bd',
  yes: '#2ca02c',
  no: '#d62728',
  unverifiable: '#7f7f7f',
};

export default function ClassBoard() {
  const { t } = useTranslation();
  const tm = useMsg();
  const entries = useStore((s) => s.board.entries);
  const error = useStore((s) => s.board.error);
  const presenter = useStore((s) => s.ui.presenter);
  const [text, setText] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const points = useMemo<ScatterPoint[]>(
    () =>
      entries.flatMap((e) => {
        const g = summarize(e.submission);
        return g.best === null
          ? []
          : [{ x: g.params, y: g.best, label: e.submission.name || '—', color: VERDICT_COLOR[e.verify] }];
      }),
    [entries],
  );
  const xs = points.map((p) => p.x);
  const wide = xs.length > 1 && Math.max(...xs) / Math.max(1, Math.min(...xs)) > 20;
  return (
    <section className="panel class-board" data-testid="board.panel" aria-labelledby="board-title">
      <div className="panel-head">
        <h2 id="board-title">{t('board.title')}</h2>
        <button onClick={() => void toggleBoard()}>{t('board.close')}</button>
      </div>
      <p className="muted small">{t('board.help', { same: TOLERANCE.sameBackend, other: TOLERANCE.otherBackend })}</p>
      <div className="board-add">
        <label className="field">
          <span>{t('board.paste')}</span>
          <textarea
            data-testid="board.codes"
            rows={3}
            value={text}
            spellCheck={false}
            maxLength={2_000_000}
            placeholder="MNP1.…"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="button-row">
          <button className="primary" data-testid="board.add" onClick={() => setText(addCodes(text))}>
            {t('board.add')}
          </button>
          <button onClick={() => files.current?.click()}>{t('board.openFiles')}</button>
          <input
            ref={files}
            type="file"
            multiple
            accept=".txt,.json,text/plain,application/json"
            hidden
            data-testid="board.files"
            onChange={(e) => {
              void openBoardFiles([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
        {error && (
          <p className="field-error" data-testid="board.error" role="alert">
            {tm(error)}
          </p>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="muted">{t('board.empty')}</p>
      ) : (
        <>
          <div className="button-row">
            <button onClick={verifyAll}>{t('board.verifyAll')}</button>
            <button onClick={saveBoardFile}>{t('board.save')}</button>
            <button onClick={downloadBoardCsv}>{t('board.csv')}</button>
            <button onClick={() => clearBoard(undefined, t('board.clearConfirm', { count: entries.length }))}>
              {t('board.clear')}
            </button>
          </div>
          <div className="table-scroll">
            <table className="board-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('board.col.name')}</th>
                  <th scope="col">{t('board.col.best')}</th>
                  <th scope="col">{t('board.col.goal')}</th>
                  <th scope="col">{t('board.col.params')}</th>
                  <th scope="col">{t('board.col.network')}</th>
                  <th scope="col">{t('board.col.epochs')}</th>
                  <th scope="col">{t('board.col.backend')}</th>
                  <th scope="col">{t('board.col.verified')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('board.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <BoardRow key={e.code} entry={e} rank={i + 1} />
                ))}
              </tbody>
            </table>
          </div>
          <div className="board-lower">
            <figure className="board-scatter">
              <figcaption>{t('board.scatterTitle')}</figcaption>
              <ScatterPlot
                testId="board.scatter"
                points={points}
                xLabel={t('board.col.params')}
                yLabel={t('board.col.best')}
                formatX={(x) => (x >= 1000 ? `${Math.round(x / 1000)}k` : String(x))}
                formatY={(y) => `${(100 * y).toFixed(1)}%`}
                height={presenter ? 420 : 280}
                xScale={wide ? 'log' : 'linear'}
              />
            </figure>
            <BoardPredictions entries={entries} />
          </div>
        </>
      )}
    </section>
  );
}
