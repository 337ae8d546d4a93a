// "My digits": the class's own drawings as a dataset, and its one file format. Each digit keeps the pen's
// strokes (canvas coordinates) when it has them, so a better pad later re-renders them: on reading, a digit with
// strokes is drawn again from them and its stored pixels are ignored. The decoder is total (never throws) and
// refuses a damaged or hostile file whole; merging drops duplicates (same label, same 28×28 bytes).
import { isObj } from '../model/guards';
import { msg, type Msg, type MsgValue } from '../model/msg';
import { PIXELS } from '../model/spec';
import { drawingToInput, type Stroke } from './strokes';

export const DIGITS_FORMAT = 'mnist-playground-digits';
export const DIGITS_VERSION = 1;
/** Most digits a set (and so a file) holds. */
export const MAX_DIGITS = 5000;
/** Largest file read (characters; the JSON is ASCII, so bytes). */
export const MAX_DIGITS_FILE = 20 * 1024 * 1024;
/** Per digit: strokes, points per stroke, and |coordinate| (a 280-pixel pad draws in 0-280). */
export const MAX_STROKES = 64;
export const MAX_POINTS = 4000;
export const MAX_COORD = 1e5;
const MAX_SOURCE = 80;

/** One kept digit. `pixels`: 784 bytes 0-255 as the model reads them; `source`: who drew it ('' = this device). */
export type MyDigit = {
  id: string;
  label: number;
  pixels: number[];
  strokes: number[][][] | null;
  source: string;
};

/** FNV-1a over the label and the bytes: the identity that merging dedupes on. */
export function digitId(label: number, pixels: ArrayLike<number>): string {
  let h = 0x811c9dc5 ^ label;
  for (let i = 0; i < pixels.length; i++) h = Math.imul(h ^ pixels[i], 0x01000193);
  return `${label}-${(h >>> 0).toString(36)}`;
}

/** Model input (784 floats in [0, 1]) → bytes, as stored. */
export const toBytes = (input: ArrayLike<number>): number[] =>
  Array.from(input, (v) => Math.max(0, Math.min(255, Math.round(v * 255))));

/** A digit from the pad: its strokes (canvas pixels) re-rendered, or a given 784-float input (a test image). */
export function makeDigit(
  label: number,
  input: ArrayLike<number>,
  strokes: readonly Stroke[] | null,
  source = '',
): MyDigit | null {
  // Stored to 0.1 canvas pixel, and rendered from exactly what is stored: a digit read back is the same digit.
  const kept = strokes && strokes.length ? strokes.map((s) => s.map(([x, y]) => [round1(x), round1(y)])) : null;
  const rendered = kept ? drawingToInput(kept as unknown as Stroke[]) : null;
  if (kept && !rendered) return null;
  const pixels = toBytes(rendered ?? input);
  if (pixels.length !== PIXELS) return null;
  return { id: digitId(label, pixels), label, pixels, strokes: kept, source };
}

const round1 = (v: number) => Math.round(v * 10) / 10 + 0;

function bytesToBase64(b: ArrayLike<number>): string {
  return btoa(String.fromCharCode(...Array.from(b)));
}

function base64ToBytes(s: string): number[] | null {
  try {
    const bin = atob(s);
    return Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The set as the object a file holds (a session file embeds it as is). */
export const digitsValue = (digits: readonly MyDigit[]) => ({
  format: DIGITS_FORMAT,
  version: DIGITS_VERSION,
  digits: digits.map((d) => ({
    label: d.label,
    ...(d.strokes ? { strokes: d.strokes } : {}),
    pixels: bytesToBase64(d.pixels),
    ...(d.source ? { source: d.source } : {}),
  })),
});

/** The set as a file (JSON): per digit its label, strokes when drawn, the 784 bytes as base64, and the source. */
export function encodeDigits(digits: readonly MyDigit[]): string {
  return JSON.stringify(digitsValue(digits));
}

export type DecodedDigits = { ok: true; digits: MyDigit[] } | { ok: false; error: Msg };

/** Strokes as stored: ≤ MAX_STROKES strokes of 1-MAX_POINTS [x, y] points, every coordinate finite and bounded. */
function decodeStrokes(x: unknown): number[][][] | null {
  if (!Array.isArray(x) || x.length === 0 || x.length > MAX_STROKES) return null;
  const out: number[][][] = [];
  for (const s of x) {
    if (!Array.isArray(s) || s.length === 0 || s.length > MAX_POINTS) return null;
    const pts: number[][] = [];
    for (const p of s) {
      if (!Array.isArray(p) || p.length !== 2) return null;
      const [px, py] = p as unknown[];
      if (typeof px !== 'number' || typeof py !== 'number') return null;
      if (!(Math.abs(px) <= MAX_COORD && Math.abs(py) <= MAX_COORD)) return null; // NaN fails too
      pts.push([px, py]);
    }
    out.push(pts);
  }
  return out;
}

/** One stored digit, checked in full; strokes (when present) re-rendered. */
function decodeDigit(x: unknown, fallbackSource: string): MyDigit | string {
  if (!isObj(x)) return 'notObject';
  const label = x.label;
  if (typeof label !== 'number' || !Number.isInteger(label) || label < 0 || label > 9) return 'label';
  const source =
    x.source === undefined
      ? fallbackSource
      : typeof x.source === 'string'
        ? x.source.trim().slice(0, MAX_SOURCE)
        : null;
  if (source === null) return 'source';
  let strokes: number[][][] | null = null;
  if (x.strokes !== undefined) {
    strokes = decodeStrokes(x.strokes);
    if (!strokes) return 'strokes';
  }
  if (strokes) {
    const d = makeDigit(label, [], strokes as unknown as Stroke[], source);
    return d ?? 'strokes';
  }
  if (typeof x.pixels !== 'string' || x.pixels.length !== 4 * Math.ceil(PIXELS / 3)) return 'pixels';
  const pixels = base64ToBytes(x.pixels);
  if (!pixels || pixels.length !== PIXELS) return 'pixels';
  return { id: digitId(label, pixels), label, pixels, strokes: null, source };
}

const refused = (why: string, values?: Record<string, MsgValue>): { ok: false; error: Msg } => ({
  ok: false,
  error: msg('digits.unreadable', { why: msg(`digits.${why}`, values) }),
});

/** Why a file over MAX_DIGITS_FILE is refused (also said before reading one, from its size). */
export const tooLargeError = (): Msg => refused('tooLarge', { mb: MAX_DIGITS_FILE / 1024 / 1024 }).error;

/** Digits decoded between the pauses of the sliced decoder (each re-rendered from its strokes takes ~0.5-1 ms). */
const SLICE = 100;

/**
 * The decoder's steps: the file's text (or, with `parsed`, its object) checked and each digit decoded; yields after
 * every SLICE digits so that a caller can let the page breathe. Never throws.
 */
function* decodeSteps(input: unknown, fileName: string, parsed: boolean): Generator<void, DecodedDigits> {
  let j = input;
  if (!parsed) {
    if (typeof input !== 'string') return refused('notJson');
    if (input.length > MAX_DIGITS_FILE) return { ok: false, error: tooLargeError() };
    try {
      j = JSON.parse(input);
    } catch {
      return refused('notJson');
    }
  }
  if (!isObj(j) || j.format !== DIGITS_FORMAT) return refused('notDigits');
  if (j.version !== DIGITS_VERSION)
    return refused('version', { found: String(JSON.stringify(j.version)).slice(0, 12), wanted: DIGITS_VERSION });
  if (!Array.isArray(j.digits)) return refused('notDigits');
  if (j.digits.length > MAX_DIGITS) return refused('tooMany', { n: j.digits.length, max: MAX_DIGITS });
  const source = fileName
    .replace(/\.json$/i, '')
    .trim()
    .slice(0, MAX_SOURCE);
  const digits: MyDigit[] = [];
  for (const [i, x] of j.digits.entries()) {
    const d = decodeDigit(x, source);
    if (typeof d === 'string') return refused('item', { n: i + 1, why: msg(`digits.item.${d}`) });
    digits.push(d);
    if ((i + 1) % SLICE === 0) yield;
  }
  return { ok: true, digits };
}

const runAll = (steps: Generator<void, DecodedDigits>): DecodedDigits => {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
};

/**
 * A my-digits file → its digits, or why it is refused (the first bad digit named). Never throws. `fileName`
 * becomes the source of digits that carry none (a teacher's one file per student).
 */
export const decodeDigits = (text: unknown, fileName = ''): DecodedDigits => runAll(decodeSteps(text, fileName, false));

/** The same checks on a parsed file (a session file holds its digits as this object). Never throws. */
export const decodeDigitsValue = (j: unknown, fileName = ''): DecodedDigits => runAll(decodeSteps(j, fileName, true));

/** decodeDigits with `pause()` awaited after every SLICE digits: 5,000 digits take seconds, the page stays smooth. */
export async function decodeDigitsSliced(
  text: unknown,
  fileName: string,
  pause: () => Promise<void>,
): Promise<DecodedDigits> {
  const steps = decodeSteps(text, fileName, false);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pause();
  }
}

export type Merged = { ok: true; digits: MyDigit[]; added: number; duplicates: number } | { ok: false; error: Msg };

/** `incoming` added after `current`, duplicates (same id) dropped; refused whole beyond MAX_DIGITS. */
export function mergeDigits(current: readonly MyDigit[], incoming: readonly MyDigit[]): Merged {
  const seen = new Set(current.map((d) => d.id));
  const added: MyDigit[] = [];
  for (const d of incoming) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    added.push(d);
  }
  const total = current.length + added.length;
  if (total > MAX_DIGITS) return { ok: false, error: msg('digits.setFull', { n: total, max: MAX_DIGITS }) };
  return { ok: true, digits: [...current, ...added], added: added.length, duplicates: incoming.length - added.length };
}

/** The set as the worker takes it: n × 784 floats in [0, 1] and n labels. */
export function digitsTensorData(digits: readonly MyDigit[]): { pixels: Float32Array; labels: Uint8Array } {
  const pixels = new Float32Array(digits.length * PIXELS);
  digits.forEach((d, i) => pixels.set(d.pixels, i * PIXELS));
  for (let k = 0; k < pixels.length; k++) pixels[k] *= 1 / 255;
  return { pixels, labels: Uint8Array.from(digits, (d) => d.label) };
}
