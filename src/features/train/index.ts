// Training: the header's buttons and keys, the status line, the data download and the backend choice.
export { default as TrainButtons } from './TrainButtons';
export { default as TrainingControls } from './TrainingControls';
export { default as StatusBar } from './StatusBar';
export { default as DataProgress } from './DataProgress';
export { selectCanTrain, selectNetworkProblem, selectPaused, selectTraining } from './selectors';
