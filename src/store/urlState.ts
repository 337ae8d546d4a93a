// The whole experiment in the URL hash, TensorFlow Playground style: `#v=1&net=...&opt=adam&lr=0.002&bs=128&seed=42`
// (plus l2, sched, ep, n and aug when they differ from the defaults), then the view: lang, hide, lock (encodeView).
// Layers are comma-separated tokens:
//   d128.relu (dense)  c8.3.1.same.relu (conv2d: filters.kernel.stride.padding.activation)
//   mp2.2 / ap2.2 (max/avg pool: size.stride)  f (flatten)  do0.25 (dropout)  bn (batch norm)  a.tanh (activation)
// Decoding never throws: anything malformed or out of range gives the defaults and a notice to show.
import { isLanguage, type Language } from '../i18n/languages';
import { isMsg, msg, type Msg } from '../model/msg';
import { presetById, DEFAULT_PRESET } from '../model/presets';
import { batchProblem, inferNetwork } from '../model/shapes';
import { ACTIVATIONS, assertNever, type Activation, type LayerSpec, type NetworkSpec } from '../model/spec';
import { DEFAULT_CONFIG, type TrainConfig } from '../model/training';
import { configProblem, readFields, writeFields } from '../model/trainFields';

export const URL_VERSION = 1;
const MAX_HASH = 2000;
const MAX_LAYERS = 40;

/** Shape-inference problems that mean "too big to train", as opposed to a mistake the builder can show. */
const TOO_BIG = new Set(['problem.tooManyLayers', 'problem.tooMuchCompute', 'problem.tooMuchMemory', 'problem.tooManyParams']);

export type Experiment = { network: NetworkSpec; train: TrainConfig };
export type Decoded = { experiment: Experiment; notice: Msg | null };

export const defaultExperiment = (): Experiment => ({ network: presetById(DEFAULT_PRESET).network, train: { ...DEFAULT_CONFIG } });

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
const ACT = `(${ACTIVATIONS.join('|')})`;
const isAct = (s: string): s is Activation => (ACTIVATIONS as readonly string[]).includes(s);

/** One layer token → spec, or why not. Ranges are checked later by shape inference. */
function decodeLayer(t: string): LayerSpec | Msg {
  let m: RegExpMatchArray | null;
  if ((m = t.match(new RegExp(`^d${INT}\\.${ACT}$`))) && isAct(m[2])) return { kind: 'dense', units: Number(m[1]), activation: m[2] };
  if ((m = t.match(new RegExp(`^c${INT}\\.${INT}\\.${INT}\\.(same|valid)\\.${ACT}$`))) && isAct(m[5]))
    return {
      kind: 'conv2d',
      filters: Number(m[1]),
      kernelSize: Number(m[2]),
      stride: Number(m[3]),
      padding: m[4] as 'same' | 'valid',
      activation: m[5],
    };
  if ((m = t.match(new RegExp(`^(mp|ap)${INT}\\.${INT}$`))))
    return { kind: m[1] === 'mp' ? 'maxPool2d' : 'avgPool2d', poolSize: Number(m[2]), stride: Number(m[3]) };
  if (t === 'f') return { kind: 'flatten' };
  if ((m = t.match(/^do(0(?:\.\d{1,6})?)$/))) return { kind: 'dropout', rate: Number(m[1]) };
  if (t === 'bn') return { kind: 'batchNorm' };
  if ((m = t.match(new RegExp(`^a\\.${ACT}$`))) && isAct(m[1])) return { kind: 'activation', activation: m[1] };
  return msg('url.unknownLayer', { token: t.slice(0, 24) });
}

function decodeUnsafe(hash: string): Decoded {
  const raw = hash.replace(/^#/, '');
  if (raw.trim() === '') return { experiment: defaultExperiment(), notice: null };
  const bad = (why: Msg): Decoded => ({ experiment: defaultExperiment(), notice: msg('url.unreadable', { why }) });
  if (raw.length > MAX_HASH) return bad(msg('url.tooLong'));
  const p = new URLSearchParams(raw);
  const v = p.get('v');
  if (v !== String(URL_VERSION)) return bad(v === null ? msg('url.noVersion') : msg('url.badVersion', { version: v.slice(0, 8) }));
  const net = p.get('net');
  if (net === null || net === '') return bad(msg('url.noNetwork'));
  const tokens = net.split(',');
  if (tokens.length > MAX_LAYERS) return bad(msg('url.tooManyLayers', { max: MAX_LAYERS }));
  const layers: LayerSpec[] = [];
  for (const t of tokens) {
    const l = decodeLayer(t);
    if (isMsg(l)) return bad(l);
    layers.push(l);
  }
  const train = readFields(p, DEFAULT_CONFIG);
  const problem = configProblem(train);
  if (problem) return { experiment: defaultExperiment(), notice: msg('url.badConfig', { problem }) };
  // A network too big to train is refused here (it could freeze the tab); one with a fixable mistake loads, and
  // the builder says what to fix (exercise links rely on that).
  const info = inferNetwork({ layers });
  const tooBig = info.problem && TOO_BIG.has(info.problem.key) ? info.problem : batchProblem(info, train.batchSize);
  if (tooBig) return { experiment: defaultExperiment(), notice: msg('url.tooBig', { problem: tooBig }) };
  return { experiment: { network: { layers }, train }, notice: null };
}

/** Hash → experiment. Never throws; on any problem returns the defaults with a notice. */
export function decodeExperiment(hash: string): Decoded {
  try {
    return decodeUnsafe(hash);
  } catch {
    return { experiment: defaultExperiment(), notice: msg('url.unreadablePlain') };
  }
}

/** Parts of the page a link can hide or lock, so a teacher can hand out a focused exercise. */
export type Part = 'lessons' | 'network' | 'training' | 'hyper' | 'share' | 'charts' | 'draw' | 'insights' | 'step';
export const PARTS: readonly Part[] = ['lessons', 'network', 'training', 'hyper', 'share', 'charts', 'draw', 'insights', 'step'];
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
