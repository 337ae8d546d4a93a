// The live charts panel: loss and accuracy per batch and epoch, markers, overlaid runs (drawing pieces: src/charts).
export { default as ChartsPanel } from './ChartsPanel';
