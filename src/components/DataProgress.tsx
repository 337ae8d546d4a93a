import { useStore } from '../store/store';

/** Download progress of the MNIST files; visible only while they load. */
export default function DataProgress() {
  const state = useStore((s) => s.status.state);
  const progress = useStore((s) => s.status.dataProgress);
  if (state !== 'loading') return null;
  if (progress >= 100)
    return (
      <div className="data-progress" role="status">
        Preparing the network: checking which backends can train it…
      </div>
    );
  return (
    <div className="data-progress">
      <label id="data-progress-label">Loading MNIST (60,000 training + 10,000 test images): {progress}%</label>
      <div
        className="progress"
        role="progressbar"
        data-testid="data.progress"
        aria-labelledby="data-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress}
      >
        <div className="progress-fill" style={{ width: `${progress}%` }} />
      </div>
    </div>
  );
}
