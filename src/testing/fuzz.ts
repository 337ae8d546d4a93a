// Shared pieces of the decoder fuzz tests (*.fuzz.test.ts): hostile JSON values, a mutation that replaces one
// node of a valid document with one of them, and a time-bounded call. Test-only; imports nothing.
import fc from 'fast-check';

/** Generated inputs per decoder per run (set FUZZ_RUNS to search longer, e.g. FUZZ_RUNS=100000). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

/**
 * The same inputs on every `npm test`, so CI passes or fails on the code, not on the draw; FUZZ_SEED=random
 * (or any number) searches elsewhere, and a failure prints the seed that reproduces it. What a search finds
 * is kept as a named case beside the fuzzer.
 */
const seed = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261207);
fc.configureGlobal({ seed });

/** The most any decoder may take on one small input, ms (generous: CI machines are shared and slow)... */
export const DECODE_BOUND_MS = 250;
/** ...plus this per character, for big ones (JSON.parse alone reads ~50-300 MB/s). */
export const boundFor = (text: string) => DECODE_BOUND_MS + text.length / 20_000;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const nested = (depth: number, leaf: Json): Json => {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { key: 'x', values: { v } };
  return v;
};

/** Values that broke or could break decoders: extremes, wrong types, deep nesting, long arrays and strings. */
export const hostileJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    null,
    true,
    '',
    0,
    -1,
    -0,
    0.5,
    1e308,
    -1e308,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    4294967296,
    'NaN',
    'Infinity',
    '1e999',
    {},
    [],
    [null],
    'x'.repeat(100_000),
  ),
  fc.integer({ min: 10, max: 400 }).map((d) => nested(d, null)), // deeper: written as text (JSON.stringify overflows)
  fc
    .integer({ min: 1000, max: 20_000 })
    .map((n) => Array.from({ length: n }, (_, i) => ({ batch: i, loss: 1, accuracy: 0.5 })) as Json),
);

/** Nodes of a JSON document in pre-order, each with a setter that replaces it in place. */
function nodes(doc: Json): ((v: Json) => void)[] {
  const out: ((v: Json) => void)[] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v))
      v.forEach((x, i) => {
        out.push((r) => (v[i] = r));
        visit(x);
      });
    else if (v && typeof v === 'object')
      for (const k of Object.keys(v)) {
        out.push((r) => (v[k] = r));
        visit(v[k]);
      }
  };
  visit(doc);
  return out;
}

/** A copy of `doc` with node number `pick` (mod the node count) replaced by `value`, or deleted when `remove`. */
export function mutate(doc: Json, pick: number, value: Json, remove = false): Json {
  const copy = structuredClone(doc);
  const all = nodes(copy);
  if (all.length === 0) return value;
  all[pick % all.length](remove ? (undefined as unknown as Json) : value);
  return copy;
}

/** A mutation of a valid document: one node replaced by a hostile value or removed. */
export const mutationOf = (doc: Json) =>
  fc
    .tuple(fc.nat(), hostileJson, fc.boolean())
    .map(([pick, value, remove]) => JSON.stringify(mutate(doc, pick, value, remove)));

/** A textual mutation: bytes cut, a span replaced, or a number written as 1e999 (JSON's Infinity). */
export const textMutationOf = (text: string) =>
  fc.oneof(
    fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: 50 }), fc.string({ maxLength: 20 }))
      .map(([at, len, s]) => text.slice(0, at) + s + text.slice(at + len)),
    fc.nat().map((k) => {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)];
      if (numbers.length === 0) return text;
      const m = numbers[k % numbers.length];
      return text.slice(0, m.index) + '1e999' + text.slice(m.index! + m[0].length);
    }),
  );

export type { Json };

/** Runs `f` and returns its result with the time it took. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** Every number anywhere in `v` is finite (typed arrays included). */
export function allFinite(v: unknown, depth = 0): boolean {
  if (depth > 50) return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (ArrayBuffer.isView(v)) return Array.prototype.every.call(v, (x: number) => Number.isFinite(x));
  if (Array.isArray(v)) return v.every((x) => allFinite(x, depth + 1));
  if (v && typeof v === 'object') return Object.values(v).every((x) => allFinite(x, depth + 1));
  return true;
}
