// Keep and share: the trained model in the TensorFlow.js Layers format, and runnable Keras / TensorFlow.js code.
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../services/downloadFile';
import { kerasScript, tfjsProgram } from '../../model/codegen';
import { PRESETS } from '../../model/presets';
import { useStore } from '../../store/store';
import { notify } from '../../store/actions';
import SessionsPanel from './SessionsPanel';
import { exportModel } from './exportModel';

export default function ExportPanel() {
  const { t } = useTranslation();
  const network = useStore((s) => s.config.network);
  const train = useStore((s) => s.config.train);
  const presetId = useStore((s) => s.config.presetId);
  const state = useStore((s) => s.status.state);
  const preset = PRESETS.find((p) => p.id === presetId);
  const title = preset ? t(`preset.${preset.id}.name`) : t('builder.custom');
  const ready = state !== 'loading' && state !== 'error';
  return (
    <div className="export">
      <h2>{t('io.heading')}</h2>
      <div className="button-row">
        <button
          data-testid="io.export-tfjs"
          disabled={!ready}
          onClick={async () => {
            const problem = await exportModel();
            if (problem) notify(problem);
          }}
          title={t('io.exportTfjsTitle')}
        >
          {t('io.exportTfjs')}
        </button>
        <button
          data-testid="io.export-keras"
          onClick={() =>
            downloadFile(
              'mnist_playground.py',
              new Blob([kerasScript(network, train, title)], { type: 'text/x-python' }),
            )
          }
          title={t('io.exportKerasTitle')}
        >
          {t('io.exportKeras')}
        </button>
        <button
          data-testid="io.export-tfjs-code"
          onClick={() =>
            downloadFile(
              'mnist-playground.js',
              new Blob([tfjsProgram(network, train, title)], { type: 'text/javascript' }),
            )
          }
          title={t('io.exportCodeTitle')}
        >
          {t('io.exportCode')}
        </button>
      </div>
      <SessionsPanel />
    </div>
  );
}
