import { msg as note, type Msg } from '../model/msg';
import { downloadFile } from './downloadFile';
import { RequestError } from './requests';
import { getBridge } from './workerBridge';

/** Downloads the model in the TensorFlow.js Layers format (model.json + weights file); resolves with why not, or null. */
export async function exportModel(): Promise<Msg | null> {
  try {
    const m = await getBridge().request((rid) => ({ type: 'exportModel', rid }), 'modelExport');
    downloadFile('model.json', new Blob([m.modelJson], { type: 'application/json' }));
    downloadFile(m.weightsFile, new Blob([m.weights as BlobPart], { type: 'application/octet-stream' }));
    return null;
  } catch (e) {
    return e instanceof RequestError ? e.text : note('worker.error', { detail: String(e) });
  }
}
