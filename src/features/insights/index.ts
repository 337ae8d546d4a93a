// Inside the network: distributions over time, the confusion matrix, weights as pictures, activations, misreads.
export { default as InsightsPanel } from './InsightsPanel';
export { default as MisreadView } from './MisreadView';
