// Changing the experiment: one named action, applyExperiment, for every source (builder, hyperparameters,
// lessons, runs, sweeps, links; sessions and imports check the same locks): values pass the decoders, a
// change that touches a part the exercise link locked is refused whole with a notice, and one that would throw
// trained weights away asks first. The URL hash always mirrors the current network, hyperparameters and seed,
// and the view (language, hidden and locked parts).
import { i18next, initialLanguage, setLanguage } from '../../i18n/i18n';
import type { Language } from '../../i18n/languages';
import { decodeConfig, decodeNetwork } from '../../model/decode';
import { onlyDropoutDiffers } from '../../model/layers';
import { msg, type Msg } from '../../model/msg';
import { presetById, presetOf, type PresetId } from '../../model/presets';
import { batchProblem, inferNetwork } from '../../model/shapes';
import { configProblem } from '../../model/trainFields';
import type { NetworkSpec } from '../../model/spec';
import type { TrainConfig } from '../../model/training';
import { lockedChanges } from './locks';
import { useStore } from '../../store/store';
import { patch } from '../../store/actions';
import { guideSeen } from '../../services/guideMemory';
import { applyLink, decodeExperiment, decodeLink, decodeView, encodeExperiment, encodeView } from './urlState';
import { decodeChallenge, encodeChallenge } from '../../model/challenge';
import { getClient } from '../../client';
import { nativeConfirm, type Ask } from '../../services/dialogs';

const NETWORK_DEBOUNCE_MS = 250;
let pending: ReturnType<typeof setTimeout> | null = null;

/** True when no trained weights would be lost, or the person agreed (`ask`: the native confirm on the page). */
function mayDiscardWeights(question: 'builder.confirmDiscard' | 'link.confirmDiscard', ask: Ask): boolean {
  const { batch } = useStore.getState().status;
  if (batch === 0) return true;
  return ask(i18next.t(question, { batch }));
}

/** Where a change to the experiment comes from: named in the notice when a lock refuses it. */
export type ExperimentSource =
  'builder' | 'settings' | 'preset' | 'lesson' | 'run' | 'sweep' | 'session' | 'import' | 'link';
const SOURCE_TEXT: Record<ExperimentSource, string> = {
  builder: 'lock.source.edit',
  settings: 'lock.source.edit',
  preset: 'lock.source.preset',
  lesson: 'lock.source.lesson',
  run: 'lock.source.run',
  sweep: 'lock.source.sweep',
  session: 'lock.source.session',
  import: 'lock.source.import',
  link: 'lock.source.link',
};

/** Why the exercise link's locks refuse going to `next`, or null. */
export function lockProblem(next: { network: NetworkSpec; train: TrainConfig }, source: ExperimentSource): Msg | null {
  const { config, ui } = useStore.getState();
  const parts = lockedChanges({ network: config.network, train: config.train }, next, ui.locked);
  if (parts.length === 0) return null;
  const which = parts.length === 2 ? 'lock.parts.both' : `lock.parts.${parts[0]}`;
  return msg('lock.refused', { source: msg(SOURCE_TEXT[source]), parts: msg(which) });
}

/**
 * The one way the network and hyperparameters change. `next` names what changes (the rest stays); both pass
 * the decoders, then the locks; a network change that loses trained weights asks first. False when nothing
 * changed (refused or declined); the reason is the page's notice.
 */
export function applyExperiment(
  next: { network?: NetworkSpec; train?: TrainConfig },
  source: ExperimentSource,
  opts: { confirm?: 'builder.confirmDiscard' | 'link.confirmDiscard' | false; ask?: Ask } = {},
): boolean {
  const { config } = useStore.getState();
  const network =
    next.network === undefined ? { ok: true as const, value: config.network } : decodeNetwork(next.network);
  const train = next.train === undefined ? { ok: true as const, value: config.train } : decodeConfig(next.train);
  const refuse = (notice: Msg) => (patch('ui', { notice }), false);
  if (!network.ok) return refuse(network.problem);
  if (!train.ok) return refuse(train.problem);
  const locked = lockProblem({ network: network.value, train: train.value }, source);
  if (locked) return refuse(locked);
  const networkChanges = JSON.stringify(network.value) !== JSON.stringify(config.network);
  if (
    networkChanges &&
    !changeNetwork(network.value, opts.confirm ?? 'builder.confirmDiscard', opts.ask ?? nativeConfirm)
  )
    return false;
  if (JSON.stringify(train.value) !== JSON.stringify(config.train)) {
    patch('config', { train: train.value });
    getClient().send({ type: 'setConfig', config: train.value });
  }
  return true;
}

/** Applies an edited network; valid networks reach the worker (debounced, so typing does not rebuild per key).
 * Only applyExperiment calls it: it checks neither values nor locks. */
function changeNetwork(
  network: NetworkSpec,
  confirm: 'builder.confirmDiscard' | 'link.confirmDiscard' | false,
  ask: Ask,
): boolean {
  const live = onlyDropoutDiffers(useStore.getState().config.network, network); // no weights are lost
  if (confirm !== false && !live && !mayDiscardWeights(confirm, ask)) return false;
  patch('config', { network, presetId: presetOf(network) ?? 'custom' });
  if (pending) clearTimeout(pending);
  if (inferNetwork(network).problem === null) {
    // Until the worker has rebuilt, Train and Step must not act on the old model.
    if (!live && useStore.getState().status.state !== 'error') patch('status', { state: 'loading' });
    pending = setTimeout(() => {
      pending = null;
      getClient().send({ type: 'setNetwork', network: useStore.getState().config.network });
    }, NETWORK_DEBOUNCE_MS);
  }
  return true;
}

export function choosePreset(id: PresetId): boolean {
  return applyExperiment({ network: presetById(id).network }, 'preset');
}

/** Reads the hash into the store before the worker starts; a bad hash leaves defaults and a notice. */
export function loadExperimentFromUrl() {
  const { experiment, notice } = decodeExperiment(window.location.hash);
  const view = decodeView(window.location.hash);
  patch('config', {
    network: experiment.network,
    train: experiment.train,
    presetId: presetOf(experiment.network) ?? 'custom',
  });
  const { hidden, locked } = view.view;
  const challenge = decodeChallenge(window.location.hash);
  if (challenge.ok) patch('challenge', { active: challenge.challenge });
  patch('ui', {
    notice:
      notice ?? view.notice ?? (challenge.ok ? null : msg('challenge.notApplied', { problem: challenge.problem })),
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
  const challenge = encodeChallenge(useStore.getState().challenge.active);
  const hash = `#${encodeExperiment({ network: config.network, train: config.train })}${view ? `&${view}` : ''}${
    challenge ? `&${challenge}` : ''
  }`;
  if (window.location.hash !== hash) history.replaceState(null, '', hash);
}

/** Switches the page's language at once and keeps it in the URL and in this browser. */
export function chooseLanguage(l: Language) {
  patch('ui', { language: l });
  void setLanguage(l);
}

/**
 * A link pasted into a tab that is already running changes only what it names: the fields it carries (a whole
 * experiment when it has a network), the language, and the hidden or locked parts when it names them. A link
 * that does not decode, or that a lock refuses, changes nothing but the notice; one that would throw trained
 * weights away asks first.
 */
export function applyLinkInTab(hash: string): boolean {
  const raw = hash.replace(/^#/, '');
  if (raw.trim() === '') return false; // an emptied hash keeps everything, an exercise link's locks included
  const d = decodeLink(raw);
  if (!d.ok) return (patch('ui', { notice: msg('link.notApplied', { problem: d.notice }) }), false);
  const { config } = useStore.getState();
  const { experiment, problem } = applyLink({ network: config.network, train: config.train }, d.change);
  if (problem) return (patch('ui', { notice: msg('link.notApplied', { problem }) }), false);
  const view = decodeView(raw);
  const keys = new URLSearchParams(raw);
  const before = useStore.getState().ui.notice;
  if (!applyExperiment(experiment, 'link', { confirm: 'link.confirmDiscard' })) {
    // Refused: applyExperiment put its reason up. Declined: nothing did, so say the link was not applied.
    if (useStore.getState().ui.notice === before) patch('ui', { notice: msg('link.declined') });
    return false;
  }
  if (keys.has('hide') || keys.has('lock')) patch('ui', { hidden: view.view.hidden, locked: view.view.locked });
  if (keys.has('goal')) {
    const c = decodeChallenge(raw);
    if (c.ok) patch('challenge', { active: c.challenge });
    else patch('ui', { notice: msg('challenge.notApplied', { problem: c.problem }) });
  }
  if (view.notice) patch('ui', { notice: view.notice });
  if (view.view.language && view.view.language !== useStore.getState().ui.language) chooseLanguage(view.view.language);
  return true;
}

/** Keeps the hash in step with the store, and applies hashes pasted into the address bar. */
export function syncUrl(): () => void {
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (
      s.config.network !== prev.config.network ||
      s.config.train !== prev.config.train ||
      s.ui.language !== prev.ui.language ||
      s.ui.hidden !== prev.ui.hidden ||
      s.ui.locked !== prev.ui.locked ||
      s.challenge.active !== prev.challenge.active
    )
      writeUrl();
  });
  const onHash = () => {
    applyLinkInTab(window.location.hash);
    writeUrl(); // the hash shows what is in effect, whether or not the link was applied
  };
  window.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHash);
  };
}

/** The next training batch's first `count` images before and after augmentation (empty before the data loads). */
export const augmentedSamples = (count: number) => getClient().request('getAugmented', { count });

/**
 * Applies new training settings from the hyperparameter fields; returns why they cannot train this network (and
 * changes nothing), or null.
 */
export function applyTrain(next: TrainConfig): Msg | null {
  const problem = configProblem(next) ?? batchProblem(inferNetwork(useStore.getState().config.network), next.batchSize);
  if (problem) return problem;
  applyExperiment({ train: next }, 'settings');
  return null;
}
