// Hyperparameters, all editable while training: each change reaches the worker at once and takes effect from
// the next batch without touching the weights (the chart marks where).
import { changeNetwork } from '../bridge/experiment';
import { getBridge } from '../bridge/workerBridge';
import { BATCH_SIZES, configProblem, OPTIMIZERS, SCHEDULES, type OptimizerName, type Schedule, type TrainConfig } from '../model/training';
import { useStore } from '../store/store';
import Explain from './Explain';
import NumberInput from './NumberInput';

export default function HyperParams() {
  const train = useStore((s) => s.config.train);
  const network = useStore((s) => s.config.network);
  const rate = useStore((s) => s.status.learningRate);
  const apply = (next: TrainConfig) => {
    const problem = configProblem(next);
    if (problem) return problem;
    getBridge().setConfig(next);
    return null;
  };
  const dropouts = network.layers.filter((l) => l.kind === 'dropout');
  const dropoutRate = dropouts.length && dropouts[0].kind === 'dropout' ? dropouts[0].rate : 0;
  return (
    <div className="hyper">
      <h2>
        Hyperparameters{' '}
        <Explain topic="Learning rate and gradient descent">
          Backpropagation works out, for every weight, which way it should move to lower the loss (the gradient). Gradient descent then moves
          each weight a step against its gradient; the learning rate is the step size. Too small and learning crawls; too large and each step
          overshoots the valley, so the loss goes up instead of down — raise it while training and watch the loss curve react.
        </Explain>
      </h2>
      <NumberInput label="Learning rate" testId="hp.learning-rate" value={train.learningRate} onCommit={(v) => apply({ ...train, learningRate: v })} />
      <label className="field">
        <span>Schedule</span>
        <select data-testid="hp.schedule" value={train.schedule} onChange={(e) => apply({ ...train, schedule: e.target.value as Schedule })}>
          {SCHEDULES.map((s) => (
            <option key={s} value={s}>
              {s === 'step' ? 'step (halve every 2 epochs)' : s === 'cosine' ? 'cosine decay' : 'constant'}
            </option>
          ))}
        </select>
      </label>
      {train.schedule !== 'constant' && <p className="muted small">Rate now: {+rate.toPrecision(3)}</p>}
      <label className="field">
        <span>Batch size</span>
        <select data-testid="hp.batch-size" value={train.batchSize} onChange={(e) => apply({ ...train, batchSize: Number(e.target.value) })}>
          {BATCH_SIZES.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Optimizer</span>
        <select data-testid="hp.optimizer" value={train.optimizer} onChange={(e) => apply({ ...train, optimizer: e.target.value as OptimizerName })}>
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <NumberInput label="L2 weight decay" testId="hp.l2" value={train.l2} onCommit={(v) => apply({ ...train, l2: v })} />
      {dropouts.length > 0 && (
        <NumberInput
          label="Dropout rate"
          hint={`(${dropouts.length} layer${dropouts.length > 1 ? 's' : ''})`}
          testId="hp.dropout"
          value={dropoutRate}
          onCommit={(v) => {
            if (!(v >= 0 && v < 1)) return 'Dropout rate must be at least 0 and less than 1.';
            changeNetwork({ layers: network.layers.map((l) => (l.kind === 'dropout' ? { ...l, rate: v } : l)) });
            return null;
          }}
        />
      )}
      <NumberInput label="Stop after epochs" hint="(0 = never)" testId="hp.epoch-limit" value={train.epochLimit} onCommit={(v) => apply({ ...train, epochLimit: v })} />
      <NumberInput label="Seed" hint="(weights at Reset, shuffles)" testId="hp.seed" value={train.seed} onCommit={(v) => apply({ ...train, seed: v })} />
    </div>
  );
}
