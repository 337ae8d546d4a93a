// The network spec: plain, serialisable data that the builder edits, the URL stores and the worker builds.
// Input is always a 28x28x1 image; the last layer must produce 10 classes with softmax.

export type Activation = 'relu' | 'leakyRelu' | 'elu' | 'sigmoid' | 'tanh' | 'softmax' | 'linear';
export const ACTIVATIONS: readonly Activation[] = ['relu', 'leakyRelu', 'elu', 'sigmoid', 'tanh', 'softmax', 'linear'];

export type Padding = 'valid' | 'same';
export const PADDINGS: readonly Padding[] = ['valid', 'same'];

export type DenseSpec = { kind: 'dense'; units: number; activation: Activation };
export type Conv2dSpec = {
  kind: 'conv2d';
  filters: number;
  kernelSize: number;
  stride: number;
  padding: Padding;
  activation: Activation;
};
export type PoolSpec = { kind: 'maxPool2d' | 'avgPool2d'; poolSize: number; stride: number };
export type FlattenSpec = { kind: 'flatten' };
export type DropoutSpec = { kind: 'dropout'; rate: number };
export type BatchNormSpec = { kind: 'batchNorm' };
export type ActivationSpec = { kind: 'activation'; activation: Activation };

export type LayerSpec = DenseSpec | Conv2dSpec | PoolSpec | FlattenSpec | DropoutSpec | BatchNormSpec | ActivationSpec;
export type LayerKind = LayerSpec['kind'];

export type NetworkSpec = { layers: LayerSpec[] };

/** MNIST images: 28x28 pixels, one channel. */
export const INPUT_SHAPE: readonly [number, number, number] = [28, 28, 1];
/** Values per image: 28 × 28. */
export const PIXELS = 784;
export const NUM_CLASSES = 10;
/** Negative slope of the 'leakyRelu' activation (Keras 3's default for leaky_relu; tfjs needs it spelled out). */
export const LEAKY_RELU_SLOPE = 0.2;

export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}
