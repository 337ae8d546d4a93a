import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExperimentFromUrl, syncUrl } from './bridge/experiment';
import { registerOffline } from './bridge/offline';
import { guardUnsavedTraining } from './bridge/pageGuards';
import { trackRuns } from './bridge/runRecorder';
import App from './components/App';
import { initI18n } from './i18n/i18n';
import { useStore } from './store/store';
import './styles.css';

// The URL is read before the worker starts so it builds the shared experiment, not the default one.
loadExperimentFromUrl();
void initI18n(useStore.getState().ui.language);
syncUrl();
registerOffline();
guardUnsavedTraining();
trackRuns();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
