import { english } from '../../i18n/english';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../model/presets';
import { weightSizes } from '../../model/shapes';
import { DEFAULT_CONFIG } from '../../model/training';
import { decodeSession, encodeSession, SESSION_FORMAT, type Session } from './session';

function session(): Session {
  const network = presetById('lenet5').network;
  const sizes = weightSizes(network)!;
  return {
    name: 'Lesson 3',
    savedAt: '2026-11-29T10:00:00.000Z',
    network,
    train: { ...DEFAULT_CONFIG, learningRate: 0.01, seed: 9 },
    point: {
      batch: 1234,
      epoch: 2,
      weights: sizes.map((n, k) => Float32Array.from({ length: n }, (_, i) => Math.sin(i + k))),
    },
    history: {
      series: [{ batch: 1, loss: 2.3, accuracy: 0.1 }],
      epochs: [{ epoch: 1, batch: 468, testAccuracy: 0.97, testLoss: 0.1 }],
      markers: [{ batch: 5, label: { key: 'change.learningRate', values: { from: 0.002, to: 0.01 } }, kind: 'change' }],
    },
    runs: [],
    myDigits: [],
  };
}

describe('session files', () => {
  it('round-trips network, hyperparameters, seed, weights and history exactly', () => {
    const s = session();
    const r = decodeSession(encodeSession(s));
    expect(r).toEqual({ ok: true, session: s });
  });

  it('opens an untrained session (no weights)', () => {
    const r = decodeSession(encodeSession({ ...session(), point: null }));
    expect(r.ok && r.session.point).toBeNull();
  });

  const good = () => JSON.parse(encodeSession(session()));
  const cases: [string, () => string, RegExp][] = [
    ['not JSON', () => 'hello, world', /not JSON/],
    ['truncated', () => encodeSession(session()).slice(0, 500), /not JSON/],
    ['another format', () => JSON.stringify({ ...good(), format: 'keras' }), /not an MNIST Playground session/],
    ['a JSON array', () => '[1,2,3]', /not an MNIST Playground session/],
    ['a newer version', () => JSON.stringify({ ...good(), version: 99 }), /format version 99/],
    ['no network', () => JSON.stringify({ ...good(), experiment: undefined }), /network is missing/],
    [
      'an unknown layer kind',
      () => JSON.stringify({ ...good(), experiment: 'v=1&net=f,lstm64,d10.softmax' }),
      /unknown layer "lstm64"/,
    ],
    [
      'huge shapes',
      () => JSON.stringify({ ...good(), experiment: 'v=1&net=f,d99999.relu,d10.softmax' }),
      /Dense layer 2: units must be a whole number from 1 to 4096/,
    ],
    [
      'a missing weight array',
      () => JSON.stringify({ ...good(), point: { ...good().point, weights: good().point.weights.slice(1) } }),
      /needs 10/,
    ],
    [
      'weights of the wrong size',
      () => {
        const g = good();
        g.point.weights[0] = g.point.weights[1];
        return JSON.stringify(g);
      },
      /weight array 1 holds 6 numbers, the network needs 150/,
    ],
    [
      'unreadable weights',
      () => {
        const g = good();
        g.point.weights[2] = '%'.repeat(g.point.weights[2].length); // the right length, not base64
        return JSON.stringify(g);
      },
      /weight array 3 is not readable/,
    ],
    [
      'NaN weights',
      () => {
        const g = good();
        g.point.weights[1] = btoa(String.fromCharCode(...new Uint8Array(new Float32Array(6).fill(NaN).buffer)));
        return JSON.stringify(g);
      },
      /NaN or infinite/,
    ],
    [
      'a damaged history',
      () => JSON.stringify({ ...good(), history: { series: [{ batch: 'x' }] } }),
      /point 1 of its loss curve is damaged/,
    ],
    [
      'a negative batch counter',
      () => JSON.stringify({ ...good(), point: { ...good().point, batch: -3 } }),
      /weights section is damaged/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name} with a clear message`, () => {
      const r = decodeSession(make());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(english(r.error)).toMatch(message);
    });
  }

  it('names the format', () => expect(good().format).toBe(SESSION_FORMAT));
});
