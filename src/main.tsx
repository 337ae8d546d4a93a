import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExperimentFromUrl, syncUrl } from './bridge/experiment';
import App from './components/App';
import './styles.css';

// The URL is read before the worker starts so it builds the shared experiment, not the default one.
loadExperimentFromUrl();
syncUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
