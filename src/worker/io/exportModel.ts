// Export in the TensorFlow.js Layers format (model.json + one weights file). The trained model ends in logits
// (see buildModel); the export restores the softmax on the last Dense so it predicts probabilities like the app.
import * as tf from '@tensorflow/tfjs';

export const WEIGHTS_FILE = 'mnist-playground.weights.bin';

type LayerJson = { class_name: string; config: { activation?: string } };
type TopologyJson = { config: { layers: LayerJson[] } };

/** model.json (as text) and the weights it points to. */
export async function exportLayersModel(model: tf.LayersModel): Promise<{ modelJson: string; weights: ArrayBuffer }> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = artifacts as unknown as tf.io.ModelArtifacts;
  const topology = JSON.parse(JSON.stringify(a.modelTopology)) as TopologyJson;
  const layers = topology.config.layers;
  const last = layers[layers.length - 1];
  if (last?.class_name === 'Dense' && last.config.activation === 'linear') last.config.activation = 'softmax';
  const weights =
    a.weightData instanceof ArrayBuffer ? a.weightData : tf.io.concatenateArrayBuffers(a.weightData as ArrayBuffer[]);
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: 'MNIST Playground',
    modelTopology: topology,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: a.weightSpecs }],
  });
  return { modelJson, weights };
}
