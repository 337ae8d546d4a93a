import { getBridge } from '../bridge/workerBridge';
import { inferNetwork } from '../model/shapes';
import { BACKENDS, type BackendChoice } from '../protocol/toWorker';
import { useStore } from '../store/store';

export default function TrainingControls() {
  const state = useStore((s) => s.status.state);
  const available = useStore((s) => s.status.availableBackends);
  const choice = useStore((s) => s.config.backendChoice);
  const batchInEpoch = useStore((s) => s.status.batchInEpoch);
  const batchesPerEpoch = useStore((s) => s.status.batchesPerEpoch);
  const network = useStore((s) => s.config.network);
  const networkProblem = inferNetwork(network).problem;
  const canTrain = (state === 'ready' || state === 'paused') && networkProblem === null;
  const training = state === 'training';
  const bridge = getBridge();
  const eps = useStore((s) => s.status.examplesPerSecond);
  const batchSize = useStore((s) => s.config.train.batchSize);
  const epochPct = batchesPerEpoch ? Math.round((100 * batchInEpoch) / batchesPerEpoch) : 0;
  const etaS = training && eps > 0 ? ((batchesPerEpoch - batchInEpoch) * batchSize) / eps : null;
  return (
    <div className="controls">
      <h2>Training</h2>
      <div className="button-row">
        {training ? (
          <button data-testid="train.pause" className="primary" onClick={bridge.pause}>
            Pause
          </button>
        ) : (
          <button data-testid="train.start" className="primary" disabled={!canTrain} onClick={bridge.start}>
            {state === 'paused' ? 'Resume' : 'Train'}
          </button>
        )}
        <button data-testid="train.step" disabled={!canTrain} onClick={bridge.step} title="Train exactly one batch">
          Step
        </button>
        <button data-testid="train.reset" disabled={!(canTrain || training)} onClick={bridge.reset} title="New random weights, history cleared">
          Reset
        </button>
      </div>
      {networkProblem && <p className="field-error">Fix the network to train: {networkProblem}</p>}
      <div className="epoch-progress" aria-label={`Epoch progress ${epochPct}%`}>
        <div className="progress small">
          <div className="progress-fill" style={{ width: `${epochPct}%` }} />
        </div>
        <span>
          batch {batchInEpoch} / {batchesPerEpoch || '—'} of this epoch
          {etaS !== null && <span data-testid="status.eta"> · about {Math.ceil(etaS)} s to its end</span>}
        </span>
      </div>
      <label className="field">
        <span>Backend</span>
        <select
          data-testid="train.backend"
          value={choice}
          onChange={(e) => bridge.setBackend(e.target.value as BackendChoice)}
          disabled={state === 'loading'}
        >
          <option value="auto">auto (fastest)</option>
          {BACKENDS.filter((b) => available.includes(b)).map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
