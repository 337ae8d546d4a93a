// Runs: naming from what differs, updating from metrics (reaching 95% / 97.5%), export as CSV and JSON that parse
// back, and forgiving decoding of stored runs.
import { describe, expect, it } from 'vitest';
import { presetById } from '../model/presets';
import { DEFAULT_CONFIG } from '../model/training';
import { axisMapper, decodeRuns, downsampleSeries, newRun, runName, runsToCsv, runsToJson, updateRun } from './runs';

const net = presetById('mlp-seed').network;

/** A minimal CSV reader (quotes, doubled quotes, commas in cells) to parse the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trim().split('\n')) {
    const cells: string[] = [];
    let cur = '',
      quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

function trainedRun() {
  const run = newRun(
    'r1',
    net,
    { ...DEFAULT_CONFIG, learningRate: 0.01, augment: 'off' },
    'wasm',
    '2026-12-02T10:00:00.000Z',
  );
  const series = Array.from({ length: 1000 }, (_, i) => ({
    batch: i + 1,
    loss: 2 / (i + 1),
    accuracy: Math.min(1, i / 500),
  }));
  const epochs = [
    { epoch: 1, batch: 468, testAccuracy: 0.96, testLoss: 0.13 },
    { epoch: 2, batch: 936, testAccuracy: 0.976, testLoss: 0.08, mineAccuracy: 0.8 },
  ];
  return updateRun(run, { series, epochs, markers: [] }, 20, 1000 * 128);
}

describe('runs', () => {
  it('name the data experiments they ran', () => {
    expect(
      runName(net, { ...DEFAULT_CONFIG, labelNoise: 0.3, plant: '7>1:0.3', removeDigit: 3, trainWithMine: true }),
    ).toBe('mlp-seed · adam lr 0.01 b64 · noise 0.3 · plant 7>1:0.3 · no 3s · + my digits');
    expect(runName(net, { ...DEFAULT_CONFIG, removeDigit: 5, digitKeep: 0.1 })).toContain('5s ×0.1');
  });

  it('are named from what differs from the default recipe', () => {
    expect(runName(net, DEFAULT_CONFIG)).toBe('mlp-seed · adam lr 0.01 b64');
    expect(runName(net, { ...DEFAULT_CONFIG, schedule: 'constant', warmup: 0 })).toBe(
      'mlp-seed · adam lr 0.01 b64 · constant · warm-up 0',
    );
    expect(runName(net, { ...DEFAULT_CONFIG, scheduleEpochs: 5 })).toBe('mlp-seed · adam lr 0.01 b64 · cosine 5 ep');
    expect(
      runName(presetById('lenet5').network, {
        ...DEFAULT_CONFIG,
        optimizer: 'sgd',
        learningRate: 0.1,
        batchSize: 32,
        augment: 'off',
        trainSize: 500,
      }),
    ).toBe('lenet5 · sgd lr 0.1 b32 · aug off · n 500');
    expect(
      runName({ layers: [{ kind: 'flatten' }, { kind: 'dense', units: 10, activation: 'softmax' }] }, DEFAULT_CONFIG),
    ).toContain('logistic');
  });

  it('record when they first reached 95% and 97.5%, with examples and training seconds at that epoch', () => {
    const r = trainedRun();
    expect(r.reached['0.95']).toEqual({ epoch: 1, examples: Math.round((128000 * 468) / 1000), seconds: 9.4 });
    expect(r.reached['0.975']).toEqual({ epoch: 2, examples: Math.round((128000 * 936) / 1000), seconds: 18.7 });
    expect(r.series.length).toBeLessThanOrEqual(301);
    expect(r.series.at(-1)?.batch).toBe(1000); // the last point is kept
  });

  it('keep a reached time once set, even if later epochs drop below it', () => {
    const r = trainedRun();
    const later = updateRun(
      r,
      {
        series: r.series,
        epochs: [...r.epochs, { epoch: 3, batch: 1404, testAccuracy: 0.9, testLoss: 0.4 }],
        markers: [],
      },
      30,
      200000,
    );
    expect(later.reached['0.975']).toEqual(r.reached['0.975']);
  });

  it('export as CSV with one row per run and epoch, which parses back', () => {
    const a = trainedRun();
    const b = { ...newRun('r2', net, DEFAULT_CONFIG, null, '2026-12-02T11:00:00.000Z'), name: 'tricky, "quoted" name' };
    const rows = parseCsv(runsToCsv([a, b]));
    expect(rows[0]).toEqual([
      'run_id',
      'name',
      'network',
      'params',
      'optimizer',
      'learning_rate',
      'schedule',
      'warmup',
      'schedule_epochs',
      'batch_size',
      'seed',
      'l2',
      'augment',
      'train_size',
      'label_noise',
      'plant',
      'remove_digit',
      'digit_keep',
      'test_shift',
      'test_shift_amount',
      'train_with_my_digits',
      'backend',
      'epoch',
      'batch',
      'test_accuracy',
      'test_loss',
      'my_digits_accuracy',
      'shifted_test_accuracy',
    ]);
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows[2]).toEqual([
      'r1',
      a.name,
      'mlp-seed',
      '101770',
      'adam',
      '0.01',
      'cosine',
      '400',
      '2',
      '64',
      '42',
      '0',
      'off',
      '0',
      '0',
      'none',
      'none',
      '0',
      'none',
      '',
      '0',
      'wasm',
      '2',
      '936',
      '0.976',
      '0.08',
      '0.8',
      '',
    ]);
    expect(rows[3].slice(0, 2)).toEqual(['r2', 'tricky, "quoted" name']);
    expect(rows[3].slice(22)).toEqual(['', '', '', '', '', '']);
  });

  it('export as JSON that decodes back to the same runs', () => {
    const a = trainedRun();
    const parsed = JSON.parse(runsToJson([a]));
    expect(parsed.format).toBe('mnist-playground-runs');
    expect(decodeRuns(parsed.runs)).toEqual([a]);
  });

  it('decode forgivingly: damaged runs are dropped, the rest kept', () => {
    const a = trainedRun();
    const bad = [
      { ...a, id: 'x1', series: [{ batch: 1, loss: NaN, accuracy: 0 }] },
      { ...a, id: 'x2', config: { ...a.config, batchSize: 1e9 } },
      null,
      'run',
    ];
    expect(decodeRuns([...bad, a]).map((r) => r.id)).toEqual(['r1']);
    expect(decodeRuns('nonsense')).toEqual([]);
  });

  it('downsample long curves to their budget and keep short ones whole', () => {
    const pts = Array.from({ length: 10 }, (_, i) => ({ batch: i, loss: 1, accuracy: 0 }));
    expect(downsampleSeries(pts, 20)).toBe(pts);
    expect(downsampleSeries(pts, 4).map((p) => p.batch)).toEqual([0, 3, 6, 9]);
  });

  it('map batches to examples, epochs and training seconds on the x axis, per run', () => {
    let r = newRun(
      'r',
      net,
      { ...DEFAULT_CONFIG, batchSize: 100, trainSize: 1000 },
      'wasm',
      '2026-12-02T10:00:00.000Z',
    );
    r = updateRun(r, { series: [{ batch: 10, loss: 1, accuracy: 0.5 }], epochs: [], markers: [] }, 2, 1000);
    r = updateRun(r, { series: [{ batch: 30, loss: 1, accuracy: 0.5 }], epochs: [], markers: [] }, 4, 3000);
    expect(r.timeline).toEqual([
      { batch: 10, seconds: 2, examples: 1000 },
      { batch: 30, seconds: 4, examples: 3000 },
    ]);
    expect(axisMapper(r, 'batches')(20)).toBe(20);
    expect(axisMapper(r, 'epochs')(25)).toBe(2.5); // 1,000 images in batches of 100: 10 batches an epoch
    expect(axisMapper(r, 'examples')(20)).toBe(2000);
    expect(axisMapper(r, 'seconds')(20)).toBe(3);
    expect(axisMapper(r, 'seconds')(5)).toBe(1); // before the first sample: from 0 at batch 0
    expect(axisMapper(r, 'seconds')(60)).toBe(8); // after the last: at the last rate
    expect(axisMapper(null, 'examples')(3)).toBe(384); // no record yet: the default batch of 128
  });
});
