import { useState } from 'react';
import { getBridge } from '../bridge/workerBridge';
import { BATCH_SIZES, configProblem, OPTIMIZERS, type OptimizerName, type TrainConfig } from '../model/training';
import { useStore } from '../store/store';

/** Learning rate, batch size and optimizer; each change reaches the worker at once (next batch). */
export default function HyperParams() {
  const train = useStore((s) => s.config.train);
  const [lrText, setLrText] = useState(String(train.learningRate));
  const [lrError, setLrError] = useState<string | null>(null);
  const apply = (next: TrainConfig) => {
    const problem = configProblem(next);
    if (problem) return problem;
    getBridge().setConfig(next);
    return null;
  };
  return (
    <div className="hyper">
      <h2>Hyperparameters</h2>
      <label className="field">
        <span>Learning rate</span>
        <input
          data-testid="hp.learning-rate"
          inputMode="decimal"
          value={lrText}
          aria-invalid={lrError !== null}
          onChange={(e) => {
            setLrText(e.target.value);
            const lr = Number(e.target.value);
            setLrError(e.target.value.trim() === '' ? 'Enter a learning rate.' : apply({ ...train, learningRate: lr }));
          }}
        />
      </label>
      {lrError && <p className="field-error">{lrError}</p>}
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
    </div>
  );
}
