// The settings people change while training, in one strip under the header, in sight on every first screen: learning
// rate, schedule, batch size, optimizer and augmentation. Each change reaches the worker at once and takes effect
// from the next batch without touching the weights (the charts mark where). The rest are in MoreSettings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import type { Msg } from '../../model/msg';
import {
  AUGMENTS,
  BATCH_SIZES,
  OPTIMIZERS,
  SCHEDULES,
  type Augment,
  type OptimizerName,
  type Schedule,
} from '../../model/training';
import { useStore } from '../../store/store';
import Explain from '../../ui/Explain';
import NumberInput from '../../ui/NumberInput';
import { applyTrain } from './actions';

/** Where MoreSettings sits; the strip's "More settings" button brings it into view. */
export const MORE_SETTINGS_ID = 'more-settings';

export default function HyperStrip() {
  const { t } = useTranslation();
  const tm = useMsg();
  const train = useStore((s) => s.config.train);
  const rate = useStore((s) => s.status.learningRate);
  /** Why the last choice from a menu was refused (e.g. a batch larger than the training set). */
  const [choiceProblem, setChoiceProblem] = useState<Msg | null>(null);
  const choose = <K extends keyof typeof train>(key: K, value: (typeof train)[K]) =>
    setChoiceProblem(applyTrain({ ...train, [key]: value }));
  return (
    <section className="hyper-strip" aria-label={t('hp.stripLabel')}>
      <h2>
        {t('hp.stripHeading')} <Explain topic="gradient" />
      </h2>
      <div className="hyper-field">
        <NumberInput
          label={t('hp.learningRate')}
          testId="hp.learning-rate"
          value={train.learningRate}
          onCommit={(v) => applyTrain({ ...train, learningRate: v })}
        />
      </div>
      <label className="field">
        <span>
          {t('hp.schedule')}
          {train.schedule !== 'constant' && (
            <span className="muted"> {t('hp.rateNow', { rate: +rate.toPrecision(3) })}</span>
          )}
        </span>
        <select
          data-testid="hp.schedule"
          value={train.schedule}
          onChange={(e) => choose('schedule', e.target.value as Schedule)}
        >
          {SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {t(`hp.schedule.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('hp.batchSize')}</span>
        <select
          data-testid="hp.batch-size"
          value={train.batchSize}
          onChange={(e) => choose('batchSize', Number(e.target.value))}
        >
          {BATCH_SIZES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('hp.optimizer')}</span>
        <select
          data-testid="hp.optimizer"
          value={train.optimizer}
          onChange={(e) => choose('optimizer', e.target.value as OptimizerName)}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>
          {t('hp.augment')} <Explain topic="augment" />
        </span>
        <select
          data-testid="hp.augment"
          value={train.augment}
          onChange={(e) => choose('augment', e.target.value as Augment)}
        >
          {AUGMENTS.map((a) => (
            <option key={a} value={a}>
              {t(`hp.augment.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        className="link hyper-more"
        title={t('hp.moreTitle')}
        onClick={() => {
          const more = document.getElementById(MORE_SETTINGS_ID);
          more?.scrollIntoView({ block: 'nearest' });
          more?.querySelector('input')?.focus({ preventScroll: true });
        }}
      >
        {t('hp.more')}
      </button>
      {choiceProblem && (
        <p className="field-error hyper-problem" role="alert" data-testid="hp.batch-problem">
          {tm(choiceProblem)}
        </p>
      )}
    </section>
  );
}
