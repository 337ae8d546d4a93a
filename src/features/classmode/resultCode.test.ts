// Hand-in codes: round trip, the checksum against every single-character typo, hostile codes, the size cap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, MAX_CODE, unwrapCode, wrapCode } from '../../model/codeEnvelope';
import { presetById } from '../../model/presets';
import { DEFAULT_CONFIG } from '../../model/training';
import { configArb, networkArb } from '../../testing/arbitraries';
import { FUZZ_RUNS, hostileJson, mutationOf, textMutationOf, timed, boundFor } from '../../testing/fuzz';
import { sample } from '../../testing/submissionFixture';
import { decodeSubmission, encodeSubmission, summarize } from './resultCode';

const cnn = presetById('cnn-small').network;

describe('hand-in codes', () => {
  it('round-trip: what is handed in is what the board reads, changes and all', () => {
    const s = sample();
    const code = encodeSubmission(s)!;
    expect(code.length).toBeLessThanOrEqual(MAX_CODE);
    expect(code).toMatch(/^MNP1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    const d = decodeSubmission(code);
    expect(d).toEqual({ ok: true, value: s });
    const back = d.ok ? summarize(d.value) : null;
    expect(back).toMatchObject({
      best: 0.9733,
      bestEpoch: 2,
      epochs: 2,
      withinParams: true,
      met: true,
      params: 101770,
    });
    // Pasting adds spaces and line ends around it: still the same code.
    expect(decodeSubmission(`  ${code}\r\n`)).toEqual({ ok: true, value: s });
  });

  it('round-trips any network and settings the app can hold, with Chinese text', () => {
    fc.assert(
      fc.property(networkArb, configArb, configArb, fc.string({ maxLength: 40 }), (network, c1, c2, name) => {
        const s = sample({
          name: name.trim(),
          answer: '学习率 0.01 最快',
          start: { network, config: c1 },
          changes: [{ batch: 7, network, config: c2 }],
        });
        const code = encodeSubmission(s);
        if (code === null) return; // too big for a code: the hand-in says so
        const d = decodeSubmission(code);
        if (!d.ok) return; // a network the builder could not train: refused like any link
        expect(d.value.start).toEqual(s.start);
        expect(d.value.changes[0].config).toEqual(c2);
      }),
      { numRuns: 300 },
    );
  });

  it('a checksum catches every single-character change', () => {
    const code = encodeSubmission(sample())!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    let tried = 0;
    for (let i = 0; i < code.length; i++)
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        tried++;
        expect(decodeSubmission(typo).ok, `position ${i}: ${ch}`).toBe(false);
      }
    expect(tried).toBeGreaterThan(code.length * 60);
    // A dropped or doubled character too.
    for (let i = 0; i < code.length; i += 7) {
      expect(decodeSubmission(code.slice(0, i) + code.slice(i + 1)).ok).toBe(false);
      expect(decodeSubmission(code.slice(0, i) + code[i] + code.slice(i)).ok).toBe(false);
    }
  });

  it('names the problem: a typo, a broken code, not a code, too long', () => {
    const code = encodeSubmission(sample())!;
    const flip = code.slice(0, 20) + (code[20] === 'A' ? 'B' : 'A') + code.slice(21);
    const key = (t: string) => {
      const d = decodeSubmission(t);
      return d.ok ? 'ok' : d.problem.key;
    };
    expect(key(flip)).toBe('code.checksum');
    expect(key('hello')).toBe('code.notACode');
    expect(key('MNP1.abc')).toBe('code.damaged');
    expect(key(`MNP1.${'A'.repeat(3000)}.00000000`)).toBe('code.tooLong');
    expect(key(wrapCode('{not json'))).toBe('code.damaged');
    expect(key(wrapCode('[]'))).toBe('code.notAnObject');
  });

  it('forged payloads with a good checksum pass only the checks a decoder can make', () => {
    const payload = JSON.parse(
      unwrapCode(encodeSubmission(sample())!).ok
        ? (unwrapCode(encodeSubmission(sample())!) as { json: string }).json
        : '{}',
    );
    const forge = (f: (p: Record<string, unknown>) => void) => {
      const p = structuredClone(payload);
      f(p);
      const d = decodeSubmission(wrapCode(JSON.stringify(p)));
      return d.ok ? 'ok' : d.problem.key;
    };
    expect(forge((p) => ((p.ep as number[][])[1][0] = 1.5))).toBe('code.badEpochs');
    expect(forge((p) => (p.e0 = 0))).toBe('code.badEpochs');
    expect(forge((p) => ((p.ep as number[][])[1][0] = 0.999))).toBe('ok'); // plausible: only a replay can tell
    expect(forge((p) => (p.x = 'v=1&net=d99999.relu'))).toBe('code.badExperiment');
    expect(forge((p) => (p.be = 'tpu'))).toBe('code.badBackend');
    expect(forge((p) => (p.u = ['cosmic-rays']))).toBe('code.badTaints');
    expect(forge((p) => ((p.k as string[])[1] = (p.k as string[])[1].replace(/^\d+/, '10')))).toBe('code.badChanges'); // out of order
    expect(forge((p) => ((p.k as string[])[0] = '120:lr=-1'))).toBe('code.badChanges');
    expect(forge((p) => ((p.k as string[])[0] = 'lr=0.1'))).toBe('code.badChanges');
    expect(forge((p) => ((p.ch as Record<string, unknown>).t = 2))).toBe('code.badChallenge');
    expect(forge((p) => (p.nm = '<img src=x onerror=alert(1)>\u0000'))).toBe('ok'); // text, shown as text
  });

  it('never throws on hostile codes and answers quickly', () => {
    const payload = (unwrapCode(encodeSubmission(sample())!) as { json: string }).json;
    const code = encodeSubmission(sample())!;
    fc.assert(
      fc.property(
        fc.oneof(
          mutationOf(JSON.parse(payload)),
          hostileJson.map((j) => JSON.stringify(j) ?? ''),
        ),
        (json) => {
          const text = wrapCode(json);
          const { value, ms } = timed(() => decodeSubmission(text));
          expect(typeof value.ok).toBe('boolean');
          expect(ms).toBeLessThan(boundFor(text));
        },
      ),
      { numRuns: Math.min(FUZZ_RUNS, 400) },
    );
    fc.assert(
      fc.property(textMutationOf(code), (text) => {
        const d = decodeSubmission(text);
        if (d.ok) expect(text.trim()).toBe(code); // only the code itself decodes
      }),
      { numRuns: Math.min(FUZZ_RUNS, 400) },
    );
  }, 60_000);

  it('stays within 2,000 characters: the curve and long texts give way first', () => {
    const long = sample({
      answer: '长'.repeat(200),
      challenge: { target: 0.95, maxParams: 0, maxEpochs: 0, question: '问'.repeat(200) },
      epochs: Array.from({ length: 30 }, (_, i) => ({ epoch: i + 1, testAccuracy: 0.9, testLoss: 0.301 })),
      changes: Array.from({ length: 24 }, (_, i) => ({
        batch: 10 * (i + 1),
        network: cnn,
        config: { ...DEFAULT_CONFIG, learningRate: 0.001 * (i + 1), batchSize: 32 + i },
      })),
      start: { network: cnn, config: DEFAULT_CONFIG },
    });
    const code = encodeSubmission(long)!;
    expect(code.length).toBeLessThanOrEqual(MAX_CODE);
    const d = decodeSubmission(code);
    expect(d.ok && d.value.changes.length).toBe(24);
    expect(d.ok && d.value.epochs.length).toBe(30);
    // Beyond what fits, the changes go and the run is marked as one a replay cannot repeat.
    // Every change a new dropout rate: the whole network in each change's keys.
    const withDropout = (rate: number) => ({
      layers: [...cnn.layers.slice(0, -1), { kind: 'dropout' as const, rate }, cnn.layers.at(-1)!],
    });
    const huge = { ...long, changes: long.changes.map((c, i) => ({ ...c, network: withDropout(0.01 * (i + 1)) })) };
    const h = decodeSubmission(encodeSubmission(huge)!);
    expect(h.ok && h.value.changes).toEqual([]);
    expect(h.ok && h.value.taints).toContain('tooManyChanges');
  });

  it('CRC-32 is the standard one', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
  });
});
