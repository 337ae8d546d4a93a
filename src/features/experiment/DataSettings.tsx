// The data lab's settings: experiments on MNIST's training data (label noise, a planted confusion, a digit left
// out or thinned) and a changed copy of the test set evaluated beside the plain one. Live like every
// hyperparameter: each change is marked on the charts and carried by links, sessions, runs and sweeps.
import { useTranslation } from 'react-i18next';
import { formatPlant, parsePlant, SHIFT_AMOUNTS, TEST_SHIFTS, type TestShift } from '../../model/training';
import { msg } from '../../model/msg';
import { useStore } from '../../store/store';
import DigitOptions from '../../ui/DigitOptions';
import NumberInput from '../../ui/NumberInput';
import { applyTrain } from './actions';

export default function DataSettings() {
  const { t } = useTranslation();
  const train = useStore((s) => s.config.train);
  const plant = parsePlant(train.plant);
  const setPlant = (p: { from: number; to: number; share: number } | null) =>
    applyTrain({ ...train, plant: formatPlant(p) });
  return (
    <div className="hyper data-lab">
      <h2>{t('data.heading')}</h2>
      <NumberInput
        label={t('data.labelNoise')}
        hint={t('data.labelNoiseHint')}
        testId="data.label-noise"
        value={train.labelNoise}
        onCommit={(v) => applyTrain({ ...train, labelNoise: v })}
      />
      <div className="field plant-field" title={t('data.plantHint')}>
        <span>{t('data.plant')}</span>
        <span className="inline-fields">
          {t('data.plantFrom')}{' '}
          <select
            aria-label={t('data.plantFromLabel')}
            data-testid="data.plant-from"
            value={plant ? plant.from : 'none'}
            onChange={(e) => {
              if (e.target.value === 'none') return setPlant(null);
              const from = Number(e.target.value);
              setPlant({
                from,
                to: plant && plant.to !== from ? plant.to : (from + 1) % 10,
                share: plant?.share ?? 0.3,
              });
            }}
          >
            <option value="none">{t('data.none')}</option>
            <DigitOptions />
          </select>{' '}
          {plant && (
            <>
              {t('data.plantTo')}{' '}
              <select
                aria-label={t('data.plantToLabel')}
                data-testid="data.plant-to"
                value={plant.to}
                onChange={(e) => setPlant({ ...plant, to: Number(e.target.value) })}
              >
                <DigitOptions skip={plant.from} />
              </select>
            </>
          )}
        </span>
      </div>
      {plant && (
        <NumberInput
          label={t('data.plantShare')}
          testId="data.plant-share"
          value={plant.share}
          onCommit={(v) => {
            if (!(v > 0 && v <= 1)) return msg('config.plant');
            return applyTrain({ ...train, plant: formatPlant({ ...plant, share: v }) });
          }}
        />
      )}
      <label className="field">
        <span>{t('data.removeDigit')}</span>
        <select
          data-testid="data.remove-digit"
          value={train.removeDigit < 0 ? 'none' : train.removeDigit}
          onChange={(e) =>
            applyTrain({ ...train, removeDigit: e.target.value === 'none' ? -1 : Number(e.target.value) })
          }
        >
          <option value="none">{t('data.none')}</option>
          <DigitOptions />
        </select>
      </label>
      {train.removeDigit >= 0 && (
        <NumberInput
          label={t('data.digitKeep')}
          hint={t('data.digitKeepHint')}
          testId="data.digit-keep"
          value={train.digitKeep}
          onCommit={(v) => applyTrain({ ...train, digitKeep: v })}
        />
      )}
      <label className="field" title={t('data.testShiftHint')}>
        <span>{t('data.testShift')}</span>
        <select
          data-testid="data.test-shift"
          value={train.testShift}
          onChange={(e) => {
            const shift = e.target.value as TestShift;
            applyTrain({
              ...train,
              testShift: shift,
              testShiftAmount: shift === 'none' ? 0 : SHIFT_AMOUNTS[shift].initial,
            });
          }}
        >
          {TEST_SHIFTS.map((s) => (
            <option key={s} value={s}>
              {t(`data.shift.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {train.testShift !== 'none' && (
        <NumberInput
          label={t('data.amount')}
          hint={t(`data.unit.${train.testShift}`)}
          testId="data.test-shift-amount"
          value={train.testShiftAmount}
          onCommit={(v) => applyTrain({ ...train, testShiftAmount: v })}
        />
      )}
    </div>
  );
}
