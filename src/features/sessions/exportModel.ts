import { msg as note, type Msg } from '../../model/msg';
import { downloadFile } from '../../services/downloadFile';
import { getClient, RequestError } from '../../client';

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
    return e instanceof RequestError ? e.text : note('worker.error', { detail: String(e) });
  }
}
