// Changing the experiment: network edits (asking before trained weights are thrown away) and the URL hash,
// which always mirrors the current network, hyperparameters and seed, and the view (language, hidden and
// locked parts).
import { i18next, initialLanguage, setLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { onlyDropoutDiffers } from '../model/layers';
import { presetById, presetOf, type PresetId } from '../model/presets';
import { inferNetwork } from '../model/shapes';
import type { NetworkSpec } from '../model/spec';
import { patch, useStore } from '../store/store';
import { guideSeen } from './guideMemory';
import { decodeExperiment, decodeView, encodeExperiment, encodeView } from '../store/urlState';
import { getBridge } from './workerBridge';

const NETWORK_DEBOUNCE_MS = 250;
let pending: ReturnType<typeof setTimeout> | null = null;

/** True when there are trained weights that a network change would discard and the person agreed. */
function mayDiscardWeights(): boolean {
  const { batch } = useStore.getState().status;
  if (batch === 0) return true;
  return window.confirm(i18next.t('builder.confirmDiscard', { batch }));
}

/** Applies an edited network; valid networks reach the worker (debounced, so typing does not rebuild per key). */
export function changeNetwork(network: NetworkSpec, opts: { confirm?: boolean } = {}): boolean {
  const live = onlyDropoutDiffers(useStore.getState().config.network, network); // no weights are lost
  if (opts.confirm !== false && !live && !mayDiscardWeights()) return false;
  patch('config', { network, presetId: presetOf(network) ?? 'custom' });
  if (pending) clearTimeout(pending);
  if (inferNetwork(network).problem === null) {
    // Until the worker has rebuilt, Train and Step must not act on the old model.
    if (!live && useStore.getState().status.state !== 'error') patch('status', { state: 'loading' });
    pending = setTimeout(() => {
      pending = null;
      getBridge().setNetwork(useStore.getState().config.network);
    }, NETWORK_DEBOUNCE_MS);
  }
  return true;
}

export function choosePreset(id: PresetId): boolean {
  return changeNetwork(presetById(id).network);
}

/** Reads the hash into the store before the worker starts; a bad hash leaves defaults and a notice. */
export function loadExperimentFromUrl() {
  const { experiment, notice } = decodeExperiment(window.location.hash);
  const view = decodeView(window.location.hash);
  patch('config', { network: experiment.network, train: experiment.train, presetId: presetOf(experiment.network) ?? 'custom' });
  const { hidden, locked } = view.view;
  patch('ui', {
    notice: notice ?? view.notice,
    language: initialLanguage(view.view.language),
    hidden,
    locked,
    exerciseView: hidden.length + locked.length > 0,
    guideInLink: view.view.guide === true,
    // First visit only; not in exercise links unless they ask for it.
    guideOpen: !guideSeen() && (hidden.length + locked.length === 0 || view.view.guide === true),
  });
  writeUrl();
}

function writeUrl() {
  const { config, ui } = useStore.getState();
  const view = encodeView({ language: ui.language, hidden: ui.hidden, locked: ui.locked, guide: ui.guideInLink });
  const hash = `#${encodeExperiment({ network: config.network, train: config.train })}${view ? `&${view}` : ''}`;
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}

/** Switches the page's language at once and keeps it in the URL and in this browser. */
export function chooseLanguage(l: Language) {
  patch('ui', { language: l });
  void setLanguage(l);
}

/** Keeps the hash in step with the store, and applies hashes pasted into the address bar. */
export function syncUrl(): () => void {
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (
      s.config.network !== prev.config.network ||
      s.config.train !== prev.config.train ||
      s.ui.language !== prev.ui.language ||
      s.ui.hidden !== prev.ui.hidden ||
      s.ui.locked !== prev.ui.locked
    )
      writeUrl();
  });
  const onHash = () => {
    const { experiment, notice } = decodeExperiment(window.location.hash);
    const view = decodeView(window.location.hash);
    patch('ui', { notice: notice ?? view.notice, hidden: view.view.hidden, locked: view.view.locked });
    if (view.view.language && view.view.language !== useStore.getState().ui.language) chooseLanguage(view.view.language);
    if (JSON.stringify(experiment.train) !== JSON.stringify(useStore.getState().config.train)) getBridge().setConfig(experiment.train);
    if (JSON.stringify(experiment.network) !== JSON.stringify(useStore.getState().config.network)) changeNetwork(experiment.network);
    writeUrl();
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
  };
}
