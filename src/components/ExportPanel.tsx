// Keep and share: the trained model in the TensorFlow.js Layers format, and runnable Keras / TensorFlow.js code.
import { getBridge } from '../bridge/workerBridge';
import { downloadFile } from '../bridge/downloadFile';
import { kerasScript, tfjsProgram } from '../model/codegen';
import { PRESETS } from '../model/presets';
import { useStore } from '../store/store';
import SessionsPanel from './SessionsPanel';

export default function ExportPanel() {
  const network = useStore((s) => s.config.network);
  const train = useStore((s) => s.config.train);
  const presetId = useStore((s) => s.config.presetId);
  const state = useStore((s) => s.status.state);
  const title = PRESETS.find((p) => p.id === presetId)?.name ?? 'Custom network';
  const ready = state !== 'loading' && state !== 'error';
  return (
    <div className="export">
      <h2>Keep and share</h2>
      <div className="button-row">
        <button data-testid="io.export-tfjs" disabled={!ready} onClick={() => getBridge().exportModel()} title="model.json + weights, loadable with tf.loadLayersModel">
          Download model (TF.js)
        </button>
        <button
          data-testid="io.export-keras"
          onClick={() => downloadFile('mnist_playground.py', new Blob([kerasScript(network, train, title)], { type: 'text/x-python' }))}
          title="A Python script that trains this network with Keras"
        >
          Keras script
        </button>
        <button
          data-testid="io.export-tfjs-code"
          onClick={() => downloadFile('mnist-playground.js', new Blob([tfjsProgram(network, train, title)], { type: 'text/javascript' }))}
          title="The same network as TensorFlow.js code"
        >
          TF.js code
        </button>
      </div>
      <SessionsPanel />
    </div>
  );
}
