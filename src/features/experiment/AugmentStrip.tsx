import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import DigitPicture from '../../charts/DigitPicture';
import { useStore } from '../../store/store';
import { PIXELS } from '../../model/spec';
import { augmentedSamples } from './actions';

const COUNT = 8;
/** While training, the strip follows the batches this often (ms). */
const REFRESH_MS = 2000;

type Samples = { labels: number[]; original: Uint8Array; augmented: Uint8Array };

/** The next training batch's first images as they are stored (top) and as the training step sees them (bottom). */
export default function AugmentStrip({ testId = 'hp.augment-strip' }: { testId?: string }) {
  const { t } = useTranslation();
  const augment = useStore((s) => s.config.train.augment);
  const seed = useStore((s) => s.config.train.seed);
  const state = useStore((s) => s.status.state);
  const batch = useStore((s) => s.status.batch);
  const [samples, setSamples] = useState<Samples | null>(null);
  // While paused, a Step moves on to the next batch; while training, the timer follows.
  const pausedBatch = state === 'training' ? -1 : batch;

  useEffect(() => {
    if (state === 'loading' || state === 'error') return;
    let live = true;
    // A refused or lost request leaves the strip empty until the next refresh: nothing here is worth a notice.
    const load = () =>
      augmentedSamples(COUNT)
        .then((s) => live && setSamples(s.labels.length ? s : null))
        .catch(() => live && setSamples(null));
    load();
    const timer = state === 'training' ? setInterval(load, REFRESH_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [augment, seed, state, pausedBatch]);

  if (!samples) return null;
  const image = (bytes: Uint8Array, i: number, label: string) => (
    <DigitPicture key={i} pixels={bytes.subarray(i * PIXELS, (i + 1) * PIXELS)} size={36} label={label} />
  );
  return (
    <figure className="augment-strip" data-testid={testId}>
      <figcaption className="small muted">{t('hp.augmentStrip')}</figcaption>
      <div className="augment-row">
        {samples.labels.map((l, i) => image(samples.original, i, t('hp.augmentOriginal', { label: l })))}
      </div>
      <div className="augment-row">
        {samples.labels.map((l, i) => image(samples.augmented, i, t('hp.augmentAugmented', { label: l })))}
      </div>
    </figure>
  );
}
