// The "Compare…" form: one hyperparameter (or two, for a small grid) and its values — typed, or drawn at random
// from a range — a budget per run and the order runs train in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startSweep } from './actions';
import { useMsg } from '../../i18n/translate';
import type { Msg } from '../../model/msg';
import {
  DEFAULT_VALUES,
  hiddenDense,
  parseValues,
  RANDOM_RANGES,
  randomValues,
  SWEEP_PARAMS,
  type SweepAxis,
  type SweepParam,
} from '../../model/sweep';
import { useStore } from '../../store/store';

type Mode = 'values' | 'random';

export default function SweepForm() {
  const { t } = useTranslation();
  const tm = useMsg();
  const network = useStore((s) => s.config.network);
  const [mode, setMode] = useState<Mode>('values');
  const [param, setParam] = useState<SweepParam>('learningRate');
  const [values, setValues] = useState(DEFAULT_VALUES.learningRate.join(', '));
  const [param2, setParam2] = useState<SweepParam | ''>('');
  const [values2, setValues2] = useState('');
  const [trials, setTrials] = useState('6');
  const [budgetKind, setBudgetKind] = useState<'epochs' | 'seconds'>('epochs');
  const [epochs, setEpochs] = useState('1');
  const [seconds, setSeconds] = useState('20');
  const [order, setOrder] = useState<'interleaved' | 'sequential'>('interleaved');
  const [problem, setProblem] = useState<Msg | null>(null);
  const dense = hiddenDense(network);
  const [layer, setLayer] = useState<number | null>(null);
  const chosenLayer = layer !== null && dense.includes(layer) ? layer : dense[0];

  const axis = (p: SweepParam, text: string): SweepAxis | Msg => {
    if (mode === 'random' && p === param) {
      if (p === 'optimizer') return { key: 'sweep.randomOptimizer' };
      const n = Number(trials);
      if (!Number.isInteger(n) || n < 2 || n > 16) return { key: 'sweep.badTrials' };
      return { param: p, values: randomValues(p, n, (Date.now() & 0xffff) + 1), layer: chosenLayer };
    }
    const parsed = parseValues(p, text);
    return 'problem' in parsed ? parsed.problem : { param: p, values: parsed.values, layer: chosenLayer };
  };

  const start = () => {
    const first = axis(param, values);
    if ('key' in first) return setProblem(first);
    const axes: SweepAxis[] = [first];
    if (param2 && mode === 'values') {
      const second = axis(param2, values2);
      if ('key' in second) return setProblem(second);
      axes.push(second);
    }
    const budget = { kind: budgetKind, value: Number(budgetKind === 'epochs' ? epochs : seconds) };
    setProblem(startSweep(axes, budget, order));
  };

  const needsLayer = (param === 'units' || param === 'dropout' || param2 === 'units') && dense.length > 1;
  const range = param !== 'optimizer' ? RANDOM_RANGES[param] : null;
  return (
    <div className="sweep-form">
      <label className="field inline">
        <span>{t('sweep.mode')}</span>
        <select data-testid="sweep.mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="values">{t('sweep.modeValues')}</option>
          <option value="random">{t('sweep.modeRandom')}</option>
        </select>
      </label>
      <label className="field inline">
        <span>{t('sweep.param')}</span>
        <select
          data-testid="sweep.param"
          value={param}
          onChange={(e) => {
            const p = e.target.value as SweepParam;
            setParam(p);
            setValues(DEFAULT_VALUES[p].join(', '));
            if (param2 === p) setParam2('');
          }}
        >
          {SWEEP_PARAMS.map((p) => (
            <option key={p} value={p}>
              {t(`sweep.params.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {needsLayer && (
        <label className="field inline">
          <span>{t('sweep.layer')}</span>
          <select data-testid="sweep.layer" value={chosenLayer} onChange={(e) => setLayer(Number(e.target.value))}>
            {dense.map((i) => (
              <option key={i} value={i}>
                {t('sweep.layerN', { n: i + 1 })}
              </option>
            ))}
          </select>
        </label>
      )}
      {mode === 'values' ? (
        <label className="field">
          <span>{t('sweep.values')}</span>
          <input
            data-testid="sweep.values"
            value={values}
            onChange={(e) => setValues(e.target.value)}
            spellCheck={false}
          />
        </label>
      ) : (
        <label className="field">
          <span>
            {t('sweep.trials')}
            {range && (
              <span className="muted">
                {' '}
                {t(range.log ? 'sweep.rangeLog' : 'sweep.range', { lo: range.lo, hi: range.hi })}
              </span>
            )}
          </span>
          <input
            data-testid="sweep.trials"
            inputMode="numeric"
            value={trials}
            onChange={(e) => setTrials(e.target.value)}
          />
        </label>
      )}
      {mode === 'values' && (
        <div className="sweep-row">
          <label className="field inline">
            <span>{t('sweep.param2')}</span>
            <select
              data-testid="sweep.param2"
              value={param2}
              onChange={(e) => {
                const p = e.target.value as SweepParam | '';
                setParam2(p);
                setValues2(p ? DEFAULT_VALUES[p].slice(0, 2).join(', ') : '');
              }}
            >
              <option value="">{t('sweep.none')}</option>
              {SWEEP_PARAMS.filter((p) => p !== param).map((p) => (
                <option key={p} value={p}>
                  {t(`sweep.params.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {param2 && (
            <label className="field">
              <span>{t('sweep.values2')}</span>
              <input
                data-testid="sweep.values2"
                value={values2}
                onChange={(e) => setValues2(e.target.value)}
                spellCheck={false}
              />
            </label>
          )}
        </div>
      )}
      <div className="sweep-row">
        <label className="field inline">
          <span>{t('sweep.budget')}</span>
          <select
            data-testid="sweep.budget-kind"
            value={budgetKind}
            onChange={(e) => setBudgetKind(e.target.value as 'epochs' | 'seconds')}
          >
            <option value="epochs">{t('sweep.budgetEpochs')}</option>
            <option value="seconds">{t('sweep.budgetSeconds')}</option>
          </select>
        </label>
        {budgetKind === 'epochs' ? (
          <input
            data-testid="sweep.epochs"
            aria-label={t('sweep.budgetEpochs')}
            inputMode="numeric"
            value={epochs}
            onChange={(e) => setEpochs(e.target.value)}
          />
        ) : (
          <input
            data-testid="sweep.seconds"
            aria-label={t('sweep.budgetSeconds')}
            inputMode="numeric"
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
        )}
        <label className="field inline">
          <span>{t('sweep.order')}</span>
          <select
            data-testid="sweep.order"
            value={order}
            onChange={(e) => setOrder(e.target.value as 'interleaved' | 'sequential')}
          >
            <option value="interleaved">{t('sweep.interleaved')}</option>
            <option value="sequential">{t('sweep.sequential')}</option>
          </select>
        </label>
      </div>
      {problem && (
        <p className="field-error" role="alert" data-testid="sweep.problem">
          {tm(problem)}
        </p>
      )}
      <button className="primary" data-testid="sweep.start" onClick={start}>
        {t('sweep.start')}
      </button>
    </div>
  );
}
