// Compare…: hyperparameter sweeps, their form, progress and results.
export { default as SweepPanel } from './SweepPanel';
export { startSweep } from './actions';
