import type { Msg } from '../../model/msg';
import { downloadFile } from '../../services/downloadFile';
import { failureText, getClient } from '../../client';

/**
 * Downloads the model in the TensorFlow.js Layers format (model.json + weights file); resolves with why not, or null.
 */
export async function exportModel(): Promise<Msg | null> {
  try {
    const m = await getClient().request('exportModel', {});
    downloadFile('model.json', new Blob([m.modelJson], { type: 'application/json' }));
    downloadFile(m.weightsFile, new Blob([m.weights as BlobPart], { type: 'application/octet-stream' }));
    return null;
  } catch (e) {
    return failureText(e);
  }
}
