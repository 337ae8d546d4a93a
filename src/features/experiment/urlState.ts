// The whole experiment in the URL hash, TensorFlow Playground style: `#v=1&net=...&opt=adam&lr=0.002&bs=128&seed=42`
// (plus l2, sched, ep, n and aug when they differ from the defaults), then the view: lang, hide, lock (encodeView).
// Layers are comma-separated tokens:
//   d128.relu (dense)  c8.3.1.same.relu (conv2d: filters.kernel.stride.padding.activation)
//   mp2.2 / ap2.2 (max/avg pool: size.stride)  f (flatten)  do0.25 (dropout)  bn (batch norm)  a.tanh (activation)
// Decoding never throws: anything malformed or out of range gives a notice to show and changes nothing. Layers
// pass the same decoder as every other source (model/decode.ts); dropout rates are written as JavaScript
// writes the number and read back with exponents, so every rate the builder accepts survives the link.
import { isLanguage, type Language } from '../../i18n/languages';
import { CHALLENGE_KEYS } from '../../model/challenge';
import { decodeNetwork } from '../../model/decode';
import { msg, type Msg } from '../../model/msg';
import { presetById, DEFAULT_PRESET } from '../../model/presets';
import { batchProblem, inferNetwork } from '../../model/shapes';
import { assertNever, type LayerSpec, type NetworkSpec } from '../../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../../model/training';
import {
  configProblem,
  fieldProblem,
  FIELD_NAMES,
  readFields,
  TRAIN_FIELDS,
  writeFields,
} from '../../model/trainFields';

export const URL_VERSION = 1;
const MAX_HASH = 2000;
const MAX_LAYERS = 40;

/** Shape-inference problems that mean "too big to train", as opposed to a mistake the builder can show. */
const TOO_BIG = new Set([
  'problem.tooManyLayers',
  'problem.tooMuchCompute',
  'problem.tooMuchMemory',
  'problem.tooManyParams',
]);

export type Experiment = { network: NetworkSpec; train: TrainConfig };
export type Decoded = { experiment: Experiment; notice: Msg | null };

export const defaultExperiment = (): Experiment => ({
  network: presetById(DEFAULT_PRESET).network,
  train: { ...DEFAULT_CONFIG },
});

function encodeLayer(l: LayerSpec): string {
  switch (l.kind) {
    case 'dense':
      return `d${l.units}.${l.activation}`;
    case 'conv2d':
      return `c${l.filters}.${l.kernelSize}.${l.stride}.${l.padding}.${l.activation}`;
    case 'maxPool2d':
      return `mp${l.poolSize}.${l.stride}`;
    case 'avgPool2d':
      return `ap${l.poolSize}.${l.stride}`;
    case 'flatten':
      return 'f';
    case 'dropout':
      return `do${l.rate}`;
    case 'batchNorm':
      return 'bn';
    case 'activation':
      return `a.${l.activation}`;
    default:
      return assertNever(l, 'layer kind');
  }
}

export function encodeExperiment(e: Experiment): string {
  const p = new URLSearchParams();
  p.set('v', String(URL_VERSION));
  p.set('net', e.network.layers.map(encodeLayer).join(','));
  writeFields(e.train, DEFAULT_CONFIG, p); // the hyperparameters: one table (model/trainFields.ts)
  return p.toString().replace(/%2C/g, ',');
}

const INT = '(\\d{1,5})';
const NUM = '(\\d+(?:\\.\\d+)?(?:e-?\\d+)?)';
const ACT = '([A-Za-z]{1,16})';

/** One layer token → a candidate object; the shared layer decoder (model/decode.ts) checks kinds and ranges. */
function tokenToLayer(t: string): Record<string, unknown> | null {
  let m: RegExpMatchArray | null;
  if ((m = t.match(new RegExp(`^d${INT}\\.${ACT}$`)))) return { kind: 'dense', units: Number(m[1]), activation: m[2] };
  if ((m = t.match(new RegExp(`^c${INT}\\.${INT}\\.${INT}\\.([a-z]{1,8})\\.${ACT}$`))))
    return {
      kind: 'conv2d',
      filters: Number(m[1]),
      kernelSize: Number(m[2]),
      stride: Number(m[3]),
      padding: m[4],
      activation: m[5],
    };
  if ((m = t.match(new RegExp(`^(mp|ap)${INT}\\.${INT}$`))))
    return { kind: m[1] === 'mp' ? 'maxPool2d' : 'avgPool2d', poolSize: Number(m[2]), stride: Number(m[3]) };
  if (t === 'f') return { kind: 'flatten' };
  if ((m = t.match(new RegExp(`^do${NUM}$`)))) return { kind: 'dropout', rate: Number(m[1]) };
  if (t === 'bn') return { kind: 'batchNorm' };
  if ((m = t.match(new RegExp(`^a\\.${ACT}$`)))) return { kind: 'activation', activation: m[1] };
  return null;
}

/** Keys of the experiment part of a hash: the network, the version and every hyperparameter's URL key. */
const EXPERIMENT_KEYS = new Set(['v', 'net', ...FIELD_NAMES.map((n) => TRAIN_FIELDS[n].url)]);
/** Keys of the view part (encodeView) and of a class challenge (model/challenge.ts). */
const VIEW_KEYS = new Set(['lang', 'hide', 'lock', 'guide', ...CHALLENGE_KEYS]);

/**
 * What a link says about the experiment: the network when it names one (`net`), and the hyperparameters it
 * names. A link with a network is a whole experiment (hyperparameters it leaves out take their defaults, or
 * their `absent` meaning for links older than the field); one without names only what it names, so
 * `#v=1&lang=zh-CN` or `#v=1&lr=0.01` change only that.
 */
export type LinkChange = { network: NetworkSpec | null; train: Partial<TrainConfig> };
export type DecodedLink = { ok: true; change: LinkChange } | { ok: false; notice: Msg };

function decodeLinkUnsafe(hash: string): DecodedLink {
  const raw = hash.replace(/^#/, '');
  const bad = (why: Msg): DecodedLink => ({ ok: false, notice: msg('url.unreadable', { why }) });
  if (raw.length > MAX_HASH) return bad(msg('url.tooLong'));
  const p = new URLSearchParams(raw);
  const keys = [...p.keys()];
  if (!keys.some((k) => EXPERIMENT_KEYS.has(k))) {
    // Only the view (language, hidden and locked parts), or nothing: the experiment stays as it is.
    if (keys.some((k) => !VIEW_KEYS.has(k))) return bad(msg('url.nothingKnown'));
    return { ok: true, change: { network: null, train: {} } };
  }
  const v = p.get('v');
  if (v !== String(URL_VERSION))
    return bad(v === null ? msg('url.noVersion') : msg('url.badVersion', { version: v.slice(0, 8) }));
  const net = p.get('net');
  let network: NetworkSpec | null = null;
  if (net !== null) {
    // `net=` is the builder's empty network (after "Clear"): it loads, and the builder says to add layers.
    const tokens = net === '' ? [] : net.split(',');
    if (tokens.length > MAX_LAYERS) return bad(msg('url.tooManyLayers', { max: MAX_LAYERS }));
    const candidates: unknown[] = [];
    for (const t of tokens) {
      const l = tokenToLayer(t);
      if (!l) return bad(msg('url.unknownLayer', { token: t.slice(0, 24) }));
      candidates.push(l);
    }
    const d = decodeNetwork({ layers: candidates });
    if (!d.ok) return bad(d.problem);
    network = d.value;
  }
  const train = readFields(p, DEFAULT_CONFIG, network !== null);
  for (const name of Object.keys(train) as (keyof TrainConfig)[]) {
    const problem = fieldProblem(name, train[name]);
    if (problem) return { ok: false, notice: msg('url.badConfig', { problem }) };
  }
  return { ok: true, change: { network, train } };
}

/** Hash → what it changes, or a notice. Never throws. */
export function decodeLink(hash: string): DecodedLink {
  try {
    return decodeLinkUnsafe(hash);
  } catch {
    return { ok: false, notice: msg('url.unreadablePlain') };
  }
}

/** `base` with what a link changes, and why it cannot be used (a network too big to train), or null. */
export function applyLink(base: Experiment, change: LinkChange): { experiment: Experiment; problem: Msg | null } {
  const experiment = { network: change.network ?? base.network, train: { ...base.train, ...change.train } };
  const config = configProblem(experiment.train);
  if (config) return { experiment, problem: msg('url.badConfig', { problem: config }) };
  // A network too big to train is refused (it could freeze the tab); one with a fixable mistake loads, and the
  // builder says what to fix (exercise links rely on that).
  const info = inferNetwork(experiment.network);
  const tooBig =
    info.problem && TOO_BIG.has(info.problem.key) ? info.problem : batchProblem(info, experiment.train.batchSize);
  return { experiment, problem: tooBig && msg('url.tooBig', { problem: tooBig }) };
}

/** Hash → experiment on page load: what the link does not name takes its default. Never throws; on any problem
 * returns the defaults with a notice. */
export function decodeExperiment(hash: string): Decoded {
  const d = decodeLink(hash);
  if (!d.ok) return { experiment: defaultExperiment(), notice: d.notice };
  const { experiment, problem } = applyLink(defaultExperiment(), d.change);
  return problem ? { experiment: defaultExperiment(), notice: problem } : { experiment, notice: null };
}

/** Parts of the page a link can hide or lock, so a teacher can hand out a focused exercise. */
export type Part = 'lessons' | 'network' | 'training' | 'hyper' | 'share' | 'charts' | 'draw' | 'insights' | 'step';
export const PARTS: readonly Part[] = [
  'lessons',
  'network',
  'training',
  'hyper',
  'share',
  'charts',
  'draw',
  'insights',
  'step',
];
const isPart = (s: string): s is Part => (PARTS as readonly string[]).includes(s);

/**
 * How the page shows itself, next to the experiment in the hash: `&lang=zh-CN&hide=insights&lock=network`.
 * `guide=1`: an exercise link that still shows the first-run guide (links that hide or lock parts turn it off).
 */
export type View = { language: Language | null; hidden: Part[]; locked: Part[]; guide?: boolean };
export type DecodedView = { view: View; notice: Msg | null };

export function encodeView(v: View): string {
  const p = new URLSearchParams();
  if (v.language) p.set('lang', v.language);
  if (v.hidden.length) p.set('hide', v.hidden.join(','));
  if (v.locked.length) p.set('lock', v.locked.filter((x) => !v.hidden.includes(x)).join(','));
  if (p.get('lock') === '') p.delete('lock');
  if (v.guide) p.set('guide', '1');
  return p.toString().replace(/%2C/g, ',');
}

/** Never throws. Unknown languages are ignored; unknown parts are dropped with a notice, the rest still apply. */
export function decodeView(hash: string): DecodedView {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.replace(/^#/, '').slice(0, MAX_HASH));
  } catch {
    return { view: { language: null, hidden: [], locked: [], guide: false }, notice: null };
  }
  const lang = p.get('lang');
  let notice: Msg | null = null;
  const parts = (key: string): Part[] => {
    const raw = (p.get(key) ?? '').split(',').filter((x) => x !== '');
    const bad = raw.find((x) => !isPart(x));
    if (bad !== undefined) notice = msg('url.badView', { name: bad.slice(0, 24) });
    return [...new Set(raw.filter(isPart))];
  };
  const hidden = parts('hide');
  const locked = parts('lock').filter((x) => !hidden.includes(x));
  return { view: { language: isLanguage(lang) ? lang : null, hidden, locked, guide: p.get('guide') === '1' }, notice };
}
