// The drawing pad and the prediction beside it.
export { default as DrawPanel } from './DrawPanel';
