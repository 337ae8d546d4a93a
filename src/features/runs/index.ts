// Recorded runs: the table, overlays, CSV/JSON export, and the recorder that follows the store.
export { default as RunsPanel } from './RunsPanel';
export { trackRuns } from './runRecorder';
