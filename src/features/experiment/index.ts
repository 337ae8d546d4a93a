// The experiment: the network and the hyperparameters as one value, its link, and the single action that changes
// it (applyExperiment: decoders → locks → the weights question).
export { default as HyperStrip } from './HyperStrip';
export { default as MoreSettings } from './MoreSettings';
export { default as AugmentStrip } from './AugmentStrip';
export { default as DataSettings } from './DataSettings';
export {
  applyExperiment,
  applyTrain,
  applyLinkInTab,
  chooseLanguage,
  choosePreset,
  loadExperimentFromUrl,
  lockProblem,
  syncUrl,
  type ExperimentSource,
} from './actions';
export {
  applyLink,
  decodeLink,
  decodeView,
  defaultExperiment,
  encodeExperiment,
  encodeView,
  PARTS,
  type Part,
} from './urlState';
