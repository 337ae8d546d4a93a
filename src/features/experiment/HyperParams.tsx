// Hyperparameters, all editable while training: each change reaches the worker at once and takes effect from
// the next batch without touching the weights (the chart marks where).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../i18n/translate';
import { applyExperiment } from './actions';
import {
  AUGMENTS,
  BATCH_SIZES,
  OPTIMIZERS,
  SCHEDULES,
  type Augment,
  type OptimizerName,
  type Schedule,
  type TrainConfig,
} from '../../model/training';
import { configProblem } from '../../model/trainFields';
import { fieldInRange, MAX_DROPOUT } from '../../model/decode';
import { msg, type Msg } from '../../model/msg';
import { batchProblem, inferNetwork } from '../../model/shapes';
import { useStore } from '../../store/store';
import AugmentStrip from './AugmentStrip';
import Explain from '../../ui/Explain';
import NumberInput from '../../ui/NumberInput';

export default function HyperParams() {
  const { t } = useTranslation();
  const train = useStore((s) => s.config.train);
  const network = useStore((s) => s.config.network);
  const rate = useStore((s) => s.status.learningRate);
  const tm = useMsg();
  /** Why the last choice from a menu was refused (e.g. a batch larger than the training set). */
  const [choiceProblem, setChoiceProblem] = useState<Msg | null>(null);
  const apply = (next: TrainConfig) => {
    const problem = configProblem(next) ?? batchProblem(inferNetwork(network), next.batchSize);
    if (problem) return problem;
    applyExperiment({ train: next }, 'settings');
    return null;
  };
  const dropouts = network.layers.filter((l) => l.kind === 'dropout');
  const dropoutRate = dropouts.length && dropouts[0].kind === 'dropout' ? dropouts[0].rate : 0;
  return (
    <div className="hyper">
      <h2>
        {t('hp.heading')} <Explain topic="gradient" />
      </h2>
      <NumberInput
        label={t('hp.learningRate')}
        testId="hp.learning-rate"
        value={train.learningRate}
        onCommit={(v) => apply({ ...train, learningRate: v })}
      />
      <label className="field">
        <span>{t('hp.schedule')}</span>
        <select
          data-testid="hp.schedule"
          value={train.schedule}
          onChange={(e) => apply({ ...train, schedule: e.target.value as Schedule })}
        >
          {SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {t(`hp.schedule.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {train.schedule !== 'constant' && (
        <p className="muted small">{t('hp.rateNow', { rate: +rate.toPrecision(3) })}</p>
      )}
      <label className="field">
        <span>{t('hp.batchSize')}</span>
        <select
          data-testid="hp.batch-size"
          value={train.batchSize}
          onChange={(e) => setChoiceProblem(apply({ ...train, batchSize: Number(e.target.value) }))}
        >
          {BATCH_SIZES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      {choiceProblem && (
        <p className="field-error" role="alert" data-testid="hp.batch-problem">
          {tm(choiceProblem)}
        </p>
      )}
      <label className="field">
        <span>{t('hp.optimizer')}</span>
        <select
          data-testid="hp.optimizer"
          value={train.optimizer}
          onChange={(e) => apply({ ...train, optimizer: e.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <NumberInput label={t('hp.l2')} testId="hp.l2" value={train.l2} onCommit={(v) => apply({ ...train, l2: v })} />
      {dropouts.length > 0 && (
        <NumberInput
          label={t('hp.dropout')}
          hint={t('hp.dropoutLayers', { count: dropouts.length })}
          testId="hp.dropout"
          value={dropoutRate}
          onCommit={(v) => {
            if (!fieldInRange('rate', v))
              return msg('decode.layerRate', {
                n: network.layers.findIndex((l) => l.kind === 'dropout') + 1,
                max: MAX_DROPOUT,
              });
            applyExperiment(
              { network: { layers: network.layers.map((l) => (l.kind === 'dropout' ? { ...l, rate: v } : l)) } },
              'settings',
            );
            return null;
          }}
        />
      )}
      <label className="field">
        <span>
          {t('hp.augment')} <Explain topic="augment" />
        </span>
        <select
          data-testid="hp.augment"
          value={train.augment}
          onChange={(e) => apply({ ...train, augment: e.target.value as Augment })}
        >
          {AUGMENTS.map((a) => (
            <option key={a} value={a}>
              {t(`hp.augment.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {train.augment !== 'off' && <AugmentStrip />}
      <NumberInput
        label={t('hp.epochLimit')}
        hint={t('hp.epochLimitHint')}
        testId="hp.epoch-limit"
        value={train.epochLimit}
        onCommit={(v) => apply({ ...train, epochLimit: v })}
      />
      <NumberInput
        label={t('hp.trainSize')}
        hint={t('hp.trainSizeHint')}
        testId="hp.train-size"
        value={train.trainSize}
        onCommit={(v) => apply({ ...train, trainSize: v })}
      />
      <NumberInput
        label={t('hp.seed')}
        hint={t('hp.seedHint')}
        testId="hp.seed"
        value={train.seed}
        onCommit={(v) => apply({ ...train, seed: v })}
      />
    </div>
  );
}
