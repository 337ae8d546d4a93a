// "My digits": the class's drawings as a dataset: a grid by label with delete, files in and out, training with
// them, and how the network reads them after each epoch (beside the MNIST test set on the accuracy chart).
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import type { Msg } from '../../model/msg';
import { useStore } from '../../store/store';
import { clearDigits, downloadDigits, openDigitFiles, setTrainWithMine } from './actions';
import MineItem from './MineItem';
import MineReadings from './MineReadings';
import { SeenContext, SeenWatcher } from './seen';
import { selectMineAccuracy } from './selectors';

export default function MyDigitsPanel() {
  const { t } = useTranslation();
  const tm = useMsg();
  const items = useStore((s) => s.mine.items);
  const trainWith = useStore((s) => s.config.train.trainWithMine);
  const accuracy = useStore(selectMineAccuracy);
  const fileInput = useRef<HTMLInputElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  const [watcher] = useState(() => new SeenWatcher(grid));
  const here = t('mine.sourceHere');
  const removeLabels = useMemo(() => Array.from({ length: 10 }, (_, d) => t('mine.delete', { label: d })), [t]);
  const [message, setMessage] = useState<{ text: Msg; error: boolean } | null>(null);
  const byLabel = useMemo(() => Array.from({ length: 10 }, (_, d) => items.filter((x) => x.label === d)), [items]);
  return (
    <div className="mine" aria-label={t('mine.heading')}>
      <h2>
        {t('mine.heading')}{' '}
        <span className="muted">
          (<span data-testid="mydigits.count">{items.length}</span>)
        </span>
      </h2>
      <p className="mine-accuracy">
        {accuracy !== null && <span className="muted">{t('mine.accuracyLabel')} </span>}
        <span data-testid="metrics.mydigits-accuracy">{accuracy === null ? '' : accuracy.toFixed(4)}</span>
      </p>
      {items.length === 0 && <p className="muted">{t('mine.empty')}</p>}
      <MineReadings />
      <SeenContext value={watcher}>
        <div className="mine-grid" ref={grid}>
          {byLabel.map(
            (list, d) =>
              list.length > 0 && (
                <div key={d} className="mine-row">
                  <span className="mine-row-label">{d}</span>
                  {list.map((x) => (
                    <MineItem key={x.id} x={x} here={here} remove={removeLabels[d]} />
                  ))}
                </div>
              ),
          )}
        </div>
      </SeenContext>
      <label className="check" title={t('mine.trainWithHint')}>
        <input
          type="checkbox"
          data-testid="mydigits.train-with"
          checked={trainWith}
          onChange={(e) => setTrainWithMine(e.target.checked)}
        />{' '}
        {t('mine.trainWith')}
      </label>
      <div className="button-row">
        <button data-testid="mydigits.download" disabled={items.length === 0} onClick={downloadDigits}>
          {t('mine.download')}
        </button>
        <button title={t('mine.openTitle')} onClick={() => fileInput.current?.click()}>
          {t('mine.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          multiple
          hidden
          data-testid="mydigits.file-input"
          onChange={async (e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (!files.length) return;
            const r = await openDigitFiles(files);
            setMessage(r.ok ? { text: r.message, error: false } : { text: r.error, error: true });
          }}
        />
        <button
          data-testid="mydigits.clear"
          disabled={items.length === 0}
          onClick={() => clearDigits() && setMessage(null)}
        >
          {t('mine.clear')}
        </button>
      </div>
      {message && (
        <p
          className={message.error ? 'error' : 'muted'}
          role="status"
          data-testid={message.error ? 'io.error' : 'io.message'}
        >
          {tm(message.text)}
        </p>
      )}
    </div>
  );
}
