import { getBridge } from '../bridge/workerBridge';
import { useStore } from '../store/store';

function Stat({ label, testId, value, title }: { label: string; testId: string; value: string; title?: string }) {
  return (
    <div className="stat" title={title}>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId} title={title}>
        {value}
      </span>
    </div>
  );
}

export default function StatusBar() {
  const state = useStore((s) => s.status.state);
  const backend = useStore((s) => s.status.backend);
  const backendNote = useStore((s) => s.status.backendNote);
  const epoch = useStore((s) => s.status.epoch);
  const batch = useStore((s) => s.status.batch);
  const eps = useStore((s) => s.status.examplesPerSecond);
  const testAcc = useStore((s) => s.metrics.epochs[s.metrics.epochs.length - 1]?.testAccuracy);
  const loss = useStore((s) => s.metrics.series[s.metrics.series.length - 1]?.loss);
  const error = useStore((s) => s.status.error);
  const canRetry = useStore((s) => s.status.canRetryData);
  const lastTest = testAcc === undefined ? '' : testAcc.toFixed(4);
  const lastLoss = loss === undefined ? '' : loss.toFixed(4);
  return (
    <div className="status-bar">
      <div className="stats" role="status" aria-live="polite">
        <Stat label="State" testId="status.state" value={state} />
        <Stat label="Backend" testId="status.backend" value={backend ?? ''} title={backendNote} />
        <Stat label="Epoch" testId="status.epoch" value={String(epoch)} />
        <Stat label="Batch" testId="status.batch" value={String(batch)} />
        <Stat label="Examples/s" testId="status.examples-per-second" value={String(Math.round(eps))} />
        <Stat label="Train loss" testId="metrics.train-loss" value={lastLoss} />
        <Stat label="Test accuracy" testId="metrics.test-accuracy" value={lastTest} />
      </div>
      {error && (
        <div className="error" role="alert">
          <span data-testid="status.error">{error}</span>
          {canRetry && (
            <button data-testid="data.retry" onClick={() => getBridge().retryData()}>
              Retry
            </button>
          )}
        </div>
      )}
    </div>
  );
}
