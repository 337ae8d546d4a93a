// The store's decoders are total too: a run record, a link and a view from anything give a value or a notice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { english } from '../i18n/english';
import { FUZZ_RUNS, hostileJson } from '../testing/fuzz';
import { decodeRun } from './runs';
import { decodeLink, decodeView } from '../features/experiment';

const anything = fc.oneof(fc.anything({ withNullPrototype: true, withBoxedValues: true }), hostileJson);

describe('store decoders never throw', () => {
  it(`decodeRun: ${FUZZ_RUNS} arbitrary values give a run or null`, () => {
    fc.assert(
      fc.property(anything, (x) => {
        const r = decodeRun(x);
        if (r) expect(decodeRun(JSON.parse(JSON.stringify(r)))).toEqual(r);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
  it(`decodeLink and decodeView: ${FUZZ_RUNS} arbitrary strings give a change or a notice`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 500 })), (h) => {
        const r = decodeLink(h);
        if (!r.ok) expect(english(r.notice).length).toBeGreaterThan(10);
        decodeView(h);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
