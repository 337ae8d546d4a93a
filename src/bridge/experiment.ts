// Changing the experiment: network edits (asking before trained weights are thrown away) and the URL hash,
// which always mirrors the current network, hyperparameters and seed.
import { onlyDropoutDiffers } from '../model/layers';
import { presetById, presetOf, type PresetId } from '../model/presets';
import { inferNetwork } from '../model/shapes';
import type { NetworkSpec } from '../model/spec';
import { patch, useStore } from '../store/store';
import { decodeExperiment, encodeExperiment } from '../store/urlState';
import { getBridge } from './workerBridge';

const NETWORK_DEBOUNCE_MS = 250;
let pending: ReturnType<typeof setTimeout> | null = null;

/** True when there are trained weights that a network change would discard and the person agreed. */
function mayDiscardWeights(): boolean {
  const { batch } = useStore.getState().status;
  if (batch === 0) return true;
  return window.confirm(`The network has trained for ${batch} batches. Changing it starts again from new random weights. Continue?`);
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
  patch('config', { network: experiment.network, train: experiment.train, presetId: presetOf(experiment.network) ?? 'custom' });
  patch('ui', { notice });
  writeUrl();
}

function writeUrl() {
  const { network, train } = useStore.getState().config;
  const hash = `#${encodeExperiment({ network, train })}`;
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}

/** Keeps the hash in step with the store, and applies hashes pasted into the address bar. */
export function syncUrl(): () => void {
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.config.network !== prev.config.network || s.config.train !== prev.config.train) writeUrl();
  });
  const onHash = () => {
    const { experiment, notice } = decodeExperiment(window.location.hash);
    patch('ui', { notice });
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
