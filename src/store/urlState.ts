// The whole experiment in the URL hash, TensorFlow Playground style: `#v=1&net=...&opt=adam&lr=0.002&bs=128&seed=42`
// (plus l2, sched and ep when they differ from the defaults).
// Layers are comma-separated tokens:
//   d128.relu (dense)  c8.3.1.same.relu (conv2d: filters.kernel.stride.padding.activation)
//   mp2.2 / ap2.2 (max/avg pool: size.stride)  f (flatten)  do0.25 (dropout)  bn (batch norm)  a.tanh (activation)
// Decoding never throws: anything malformed or out of range gives the defaults and a notice to show.
import { presetById, DEFAULT_PRESET } from '../model/presets';
import { ACTIVATIONS, assertNever, type Activation, type LayerSpec, type NetworkSpec } from '../model/spec';
import { configProblem, DEFAULT_CONFIG, OPTIMIZERS, type OptimizerName, type Schedule, type TrainConfig } from '../model/training';

export const URL_VERSION = 1;
const MAX_HASH = 2000;
const MAX_LAYERS = 40;

export type Experiment = { network: NetworkSpec; train: TrainConfig };
export type Decoded = { experiment: Experiment; notice: string | null };

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
  p.set('opt', e.train.optimizer);
  p.set('lr', String(e.train.learningRate));
  p.set('bs', String(e.train.batchSize));
  p.set('seed', String(e.train.seed));
  if (e.train.l2 !== DEFAULT_CONFIG.l2) p.set('l2', String(e.train.l2));
  if (e.train.schedule !== DEFAULT_CONFIG.schedule) p.set('sched', e.train.schedule);
  if (e.train.epochLimit !== DEFAULT_CONFIG.epochLimit) p.set('ep', String(e.train.epochLimit));
  return p.toString().replace(/%2C/g, ',');
}

const INT = '(\\d{1,5})';
const ACT = `(${ACTIVATIONS.join('|')})`;
const isAct = (s: string): s is Activation => (ACTIVATIONS as readonly string[]).includes(s);

/** One layer token → spec, or an error string. Ranges are checked later by shape inference. */
function decodeLayer(t: string): LayerSpec | string {
  let m: RegExpMatchArray | null;
  if ((m = t.match(new RegExp(`^d${INT}\\.${ACT}$`))) && isAct(m[2])) return { kind: 'dense', units: Number(m[1]), activation: m[2] };
  if ((m = t.match(new RegExp(`^c${INT}\\.${INT}\\.${INT}\\.(same|valid)\\.${ACT}$`))) && isAct(m[5]))
    return { kind: 'conv2d', filters: Number(m[1]), kernelSize: Number(m[2]), stride: Number(m[3]), padding: m[4] as 'same' | 'valid', activation: m[5] };
  if ((m = t.match(new RegExp(`^(mp|ap)${INT}\\.${INT}$`))))
    return { kind: m[1] === 'mp' ? 'maxPool2d' : 'avgPool2d', poolSize: Number(m[2]), stride: Number(m[3]) };
  if (t === 'f') return { kind: 'flatten' };
  if ((m = t.match(/^do(0(?:\.\d{1,6})?)$/))) return { kind: 'dropout', rate: Number(m[1]) };
  if (t === 'bn') return { kind: 'batchNorm' };
  if ((m = t.match(new RegExp(`^a\\.${ACT}$`))) && isAct(m[1])) return { kind: 'activation', activation: m[1] };
  return `unknown layer "${t.slice(0, 24)}"`;
}

function decodeUnsafe(hash: string): Decoded {
  const raw = hash.replace(/^#/, '');
  if (raw.trim() === '') return { experiment: defaultExperiment(), notice: null };
  const bad = (why: string): Decoded => ({
    experiment: defaultExperiment(),
    notice: `The link could not be read (${why}), so the default experiment was loaded.`,
  });
  if (raw.length > MAX_HASH) return bad('it is too long');
  const p = new URLSearchParams(raw);
  const v = p.get('v');
  if (v !== String(URL_VERSION)) return bad(v === null ? 'no version' : `unknown version "${v.slice(0, 8)}"`);
  const net = p.get('net');
  if (net === null || net === '') return bad('no network');
  const tokens = net.split(',');
  if (tokens.length > MAX_LAYERS) return bad(`more than ${MAX_LAYERS} layers`);
  const layers: LayerSpec[] = [];
  for (const t of tokens) {
    const l = decodeLayer(t);
    if (typeof l === 'string') return bad(l);
    layers.push(l);
  }
  const opt = p.get('opt') ?? DEFAULT_CONFIG.optimizer;
  if (!(OPTIMIZERS as readonly string[]).includes(opt)) return bad(`unknown optimizer "${opt.slice(0, 12)}"`);
  const num = (key: string, fallback: number) => {
    const s = p.get(key);
    return s === null ? fallback : /^\d+(\.\d+)?(e-?\d+)?$/i.test(s) ? Number(s) : NaN;
  };
  const train: TrainConfig = {
    optimizer: opt as OptimizerName,
    learningRate: num('lr', DEFAULT_CONFIG.learningRate),
    batchSize: num('bs', DEFAULT_CONFIG.batchSize),
    seed: num('seed', DEFAULT_CONFIG.seed),
    l2: num('l2', DEFAULT_CONFIG.l2),
    schedule: (p.get('sched') ?? DEFAULT_CONFIG.schedule) as Schedule,
    epochLimit: num('ep', DEFAULT_CONFIG.epochLimit),
  };
  const problem = configProblem(train);
  if (problem) return bad(problem.replace(/\.$/, ''));
  return { experiment: { network: { layers }, train }, notice: null };
}

/** Hash → experiment. Never throws; on any problem returns the defaults with a notice. */
export function decodeExperiment(hash: string): Decoded {
  try {
    return decodeUnsafe(hash);
  } catch {
    return { experiment: defaultExperiment(), notice: 'The link could not be read, so the default experiment was loaded.' };
  }
}
