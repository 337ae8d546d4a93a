// The hyperparameters changed less often, in the network column: L2, dropout, the warm-up and the cosine's plan,
// the epoch limit, the training-set size and the seed, and the batch as augmentation changes it. Live like the
// strip's (HyperStrip.tsx).
import { useTranslation } from 'react-i18next';
import { fieldInRange, MAX_DROPOUT } from '../../model/decode';
import { msg } from '../../model/msg';
import { useStore } from '../../store/store';
import NumberInput from '../../ui/NumberInput';
import AugmentStrip from './AugmentStrip';
import { applyExperiment, applyTrain } from './actions';
import { MORE_SETTINGS_ID } from './HyperStrip';

export default function MoreSettings() {
  const { t } = useTranslation();
  const train = useStore((s) => s.config.train);
  const network = useStore((s) => s.config.network);
  const apply = applyTrain;
  const dropouts = network.layers.filter((l) => l.kind === 'dropout');
  const dropoutRate = dropouts.length && dropouts[0].kind === 'dropout' ? dropouts[0].rate : 0;
  return (
    <div className="hyper" id={MORE_SETTINGS_ID}>
      <h2>{t('hp.moreHeading')}</h2>
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
      {train.augment !== 'off' && <AugmentStrip />}
      <NumberInput
        label={t('hp.warmup')}
        hint={t('hp.warmupHint')}
        testId="hp.warmup"
        value={train.warmup}
        onCommit={(v) => apply({ ...train, warmup: v })}
      />
      {train.schedule === 'cosine' && (
        <NumberInput
          label={t('hp.scheduleEpochs')}
          hint={t('hp.scheduleEpochsHint')}
          testId="hp.schedule-epochs"
          value={train.scheduleEpochs}
          onCommit={(v) => apply({ ...train, scheduleEpochs: v })}
        />
      )}
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
