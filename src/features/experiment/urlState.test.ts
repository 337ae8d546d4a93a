import { english } from '../../i18n/english';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../model/presets';
import { mulberry32 } from '../../model/prng';
import { LAYER_KINDS } from '../../model/layers';
import { configProblem } from '../../model/trainFields';
import {
  decodeExperiment,
  decodeView,
  defaultExperiment,
  encodeExperiment,
  encodeView,
  type Experiment,
} from './urlState';

describe('URL hash codec', () => {
  it('round-trips every preset with its hyperparameters and seed', () => {
    for (const p of PRESETS) {
      const e: Experiment = {
        network: p.network,
        train: {
          optimizer: 'rmsprop',
          learningRate: 0.0005,
          batchSize: 32,
          seed: 1234,
          l2: 0.0001,
          schedule: 'cosine',
          warmup: 100,
          scheduleEpochs: 3,
          epochLimit: 8,
          trainSize: 500,
          augment: 'elastic',
          labelNoise: 0.2,
          plant: '4>9:0.5',
          removeDigit: 0,
          digitKeep: 0,
          testShift: 'thick',
          testShiftAmount: 2,
          trainWithMine: true,
        },
      };
      const hash = encodeExperiment(e);
      expect(decodeExperiment(`#${hash}`)).toEqual({ experiment: e, notice: null });
    }
  });

  it('reads a link without an augmentation level (made before there was one) as augmentation off', () => {
    const r = decodeExperiment('#v=1&net=f,d128.relu,d10.softmax&opt=adam&lr=0.002&bs=128&seed=42');
    expect(r.notice).toBeNull();
    expect(r.experiment.train.augment).toBe('off');
    expect(encodeExperiment({ ...r.experiment, train: { ...r.experiment.train, augment: 'shift' } })).toContain(
      'aug=shift',
    );
  });

  it('gives the defaults without a notice for an empty hash', () => {
    expect(decodeExperiment('')).toEqual({ experiment: defaultExperiment(), notice: null });
    expect(decodeExperiment('#')).toEqual({ experiment: defaultExperiment(), notice: null });
  });

  it('gives the defaults and a notice for malformed, truncated or hostile hashes', () => {
    const good = encodeExperiment(defaultExperiment());
    for (const h of [
      'v=2&net=f,d10.softmax',
      'net=f,d10.softmax',
      good.slice(0, 12),
      'v=1&net=f,d10.softmax&lr=-1',
      'v=1&net=f,d10.softmax&lr=NaN',
      'v=1&net=f,d10.softmax&opt=__proto__',
      'v=1&net=f,d10.softmax&sched=toString',
      'v=1&net=f,d10.softmax&ep=2.5',
      'v=1&net=f,d10.softmax&aug=constructor',
      'v=1&net=<script>alert(1)</script>',
      'v=1&net=' + 'f,'.repeat(500) + 'd10.softmax',
      '%E0%A4%A',
    ]) {
      const r = decodeExperiment(h);
      expect(r.experiment).toEqual(defaultExperiment());
      expect(r.notice && english(r.notice)).toMatch(/could not be read/);
    }
  });

  it('never throws and always yields a usable experiment for 1,000+ random and mutated hashes', () => {
    const rand = mulberry32(99);
    const alphabet = 'v=1&net,.dcfmapbsoeluxyz0123456789%#?<>"\'-_+e';
    const seeds = PRESETS.map((p) => encodeExperiment({ network: p.network, train: defaultExperiment().train }));
    let decodedOk = 0;
    for (let i = 0; i < 1500; i++) {
      let h: string;
      if (i % 3 === 0) {
        h = Array.from({ length: Math.floor(rand() * 80) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(
          '',
        );
      } else {
        const chars = seeds[i % seeds.length].split('');
        for (let k = 0; k < 1 + Math.floor(rand() * 4); k++) {
          const at = Math.floor(rand() * chars.length);
          const op = rand();
          if (op < 0.33) chars.splice(at, 1);
          else if (op < 0.66) chars.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)]);
          else chars.length = at; // truncate
        }
        h = chars.join('');
      }
      const r = decodeExperiment(h);
      expect(configProblem(r.experiment.train)).toBeNull();
      expect(r.experiment.network.layers.every((l) => LAYER_KINDS.includes(l.kind))).toBe(true);
      if (r.notice === null) decodedOk++;
      else expect(r.experiment).toEqual(defaultExperiment());
    }
    expect(decodedOk).toBeGreaterThan(0); // some mutations stay valid and are kept
  });

  it('keeps the view next to the experiment: language, hidden and locked parts', () => {
    const exp = encodeExperiment(defaultExperiment());
    const view = encodeView({ language: 'zh-CN', hidden: ['insights', 'share'], locked: ['network'] });
    expect(view).toBe('lang=zh-CN&hide=insights,share&lock=network');
    const hash = `#${exp}&${view}`;
    expect(decodeView(hash)).toEqual({
      view: { language: 'zh-CN', hidden: ['insights', 'share'], locked: ['network'], guide: false },
      notice: null,
    });
    expect(decodeExperiment(hash)).toEqual({ experiment: defaultExperiment(), notice: null });
    expect(encodeView({ language: null, hidden: [], locked: [] })).toBe('');
    // An exercise link may still ask for the first-run guide.
    expect(encodeView({ language: null, hidden: [], locked: ['network'], guide: true })).toBe('lock=network&guide=1');
    expect(decodeView('#lock=network&guide=1').view.guide).toBe(true);
  });

  it('forgives a bad view: unknown languages ignored, unknown parts dropped with a notice, hidden wins over locked', () => {
    const r = decodeView('#lang=fr&hide=charts,bogus,charts&lock=charts,hyper');
    expect(r.view).toEqual({ language: null, hidden: ['charts'], locked: ['hyper'], guide: false });
    expect(english(r.notice!)).toBe(
      'The link names an unknown part "bogus" to hide or lock; the rest of it was applied.',
    );
    expect(decodeView('#%%%&lang').view).toEqual({ language: null, hidden: [], locked: [], guide: false });
  });
});
