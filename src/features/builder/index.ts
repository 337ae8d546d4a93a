// The network builder: layers as editable cards with shapes, parameter counts and problems.
export { default as NetworkBuilder } from './NetworkBuilder';
