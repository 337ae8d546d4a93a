// Starting, pausing and ending a sweep, and applying its best setting. Checks the plan (model/sweep.ts), makes
// one run record per combination, overlays them on the charts (replacing other overlays) and hands the runs to
// the worker, which trains them beside the person's own model.
import { selectModelReady } from '../../store/selectors';
import { msg, type Msg } from '../../model/msg';
import {
  applyValue,
  bestRun,
  expandSweep,
  MAX_BUDGET,
  type SweepAxis,
  type SweepBudget,
  type SweepOrder,
} from '../../model/sweep';
import { MAX_RUNS } from '../../store/runs';
import { useStore } from '../../store/store';
import { patch } from '../../store/actions';
import { sweepRecords, sweepResults } from '../../store/sweepRuns';
import { applyExperiment } from '../experiment';
import { getClient } from '../../client';

const newId = (i: number) => `${Date.now().toString(36)}-s${i}-${Math.random().toString(36).slice(2, 6)}`;

/** Starts a sweep; returns why it cannot, or null. */
export function startSweep(axes: SweepAxis[], budget: SweepBudget, order: SweepOrder): Msg | null {
  const s = useStore.getState();
  if (!selectModelReady(s)) return msg('sweep.notReady');
  // A sweep varies the hyperparameters (and "use this setting" would change them): not while they are locked.
  if (s.ui.locked.includes('hyper')) return msg('lock.sweepLocked');
  if (
    !(budget.value > 0) ||
    budget.value > MAX_BUDGET[budget.kind] ||
    (budget.kind === 'epochs' && !Number.isInteger(budget.value))
  )
    return msg('sweep.badBudget', { max: MAX_BUDGET[budget.kind] });
  const plan = expandSweep(s.config.network, s.config.train, axes);
  if ('problem' in plan) return plan.problem;
  const records = sweepRecords(axes, plan.runs, s.status.backend, new Date().toISOString(), newId);
  const ids = records.map((r) => r.id);
  patch('runs', { list: [...[...records].reverse(), ...s.runs.list].slice(0, MAX_RUNS), overlay: ids });
  patch('sweep', {
    state: 'running',
    axes,
    budget,
    order,
    runIds: ids,
    runValues: plan.runs.map((r) => r.values),
    progress: ids.map(() => 0),
    done: ids.map(() => false),
    current: null,
    startedAt: Date.now(),
    message: null,
  });
  getClient().send({
    type: 'sweepStart',
    runs: plan.runs.map((r) => ({ network: r.network, config: r.config })),
    budget,
    order,
  });
  return null;
}

export const pauseSweep = () => getClient().send({ type: 'sweepPause' });
export const resumeSweep = () => getClient().send({ type: 'sweepResume' });
export const cancelSweep = () => getClient().send({ type: 'sweepCancel' });

/** Puts the best run's values into the current settings (a network change asks before discarding weights). */
export function applyBestSetting(): boolean {
  const { sweep, runs, config } = useStore.getState();
  const best = bestRun(sweepResults(sweep, runs.list));
  if (best === null) return false;
  let next = { network: config.network, config: config.train };
  sweep.axes.forEach((a, i) => (next = applyValue(next.network, next.config, a, sweep.runValues[best][i])));
  // The sweep trained without an epoch limit; the person's own limit stays.
  next.config = { ...next.config, epochLimit: config.train.epochLimit };
  return applyExperiment({ network: next.network, train: next.config }, 'sweep');
}
