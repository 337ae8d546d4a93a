// Fetches the generated MNIST files with byte-level progress, gunzips them and checks every header and size.
import { parseIdxImages, parseIdxLabels } from '../../data/idx';
import { msg, type Msg } from '../../model/msg';
import { PIXELS } from '../../model/spec';
import { clearCached, readCached, writeCached } from './dataCache';

export type Mnist = {
  trainPixels: Uint8Array; // 60,000 × 784 bytes
  trainLabels: Uint8Array; // 60,000
  testPixels: Uint8Array; // 10,000 × 784 bytes
  testLabels: Uint8Array; // 10,000
};

const FILES = ['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'test-labels.idx.gz'] as const;
type FileName = (typeof FILES)[number];
/** The data manifest, decoded: compressed bytes per file (progress, stale stored copies). */
type Manifest = Record<FileName, number>;

/** Exact size of each file once gunzipped (IDX header + data): MNIST never changes, so this caps every read. */
const RAW_BYTES: Record<FileName, number> = {
  'train-images.idx.gz': 16 + 60000 * 784,
  'train-labels.idx.gz': 8 + 60000,
  'test-images.idx.gz': 16 + 10000 * 784,
  'test-labels.idx.gz': 8 + 10000,
};
/** A download or stored copy is at most the raw size plus gzip's framing (a server may have gunzipped it). */
const maxStored = (f: FileName) => RAW_BYTES[f] + 4096;

const tooLarge = (name: FileName) => msg('data.tooLarge', { name, mb: Math.ceil(RAW_BYTES[name] / 2 ** 20) });

/** The manifest from the server: each file's compressed size, a whole number within the file's cap, or null. */
function decodeManifest(x: unknown): Manifest | null {
  const files = typeof x === 'object' && x !== null ? (x as { files?: unknown }).files : null;
  if (typeof files !== 'object' || files === null) return null;
  const out = {} as Manifest;
  for (const f of FILES) {
    const bytes = (files as Record<string, { bytes?: unknown } | undefined>)[f]?.bytes;
    if (typeof bytes !== 'number' || !Number.isInteger(bytes) || bytes < 1 || bytes > maxStored(f)) return null;
    out[f] = bytes;
  }
  return out;
}

/** A data problem to show as it is, with Retry. */
export class DataError extends Error {
  constructor(readonly text: Msg) {
    super(text.key);
  }
}

async function fetchBytes(url: string, name: FileName, onBytes: (n: number) => void): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-cache' });
  } catch {
    throw new DataError(msg('data.noAnswer', { name }));
  }
  if (!res.ok) throw new DataError(msg('data.http', { name, status: res.status }));
  if (!res.body) throw new DataError(msg('data.empty', { name }));
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > maxStored(name)) {
      void reader.cancel();
      throw new DataError(tooLarge(name));
    }
    onBytes(value.byteLength);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

/** Gunzips, stopping as soon as the output passes the file's known size (a gzip bomb is refused, not allocated). */
async function gunzipIfNeeded(bytes: Uint8Array, name: FileName): Promise<Uint8Array> {
  // A server may already have undone the gzip (Content-Encoding); only gzip data starts with 1f 8b.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const cap = RAW_BYTES[name];
  const out = new Uint8Array(cap);
  let off = 0;
  try {
    const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (off + value.byteLength > cap) {
        void reader.cancel();
        throw new DataError(tooLarge(name));
      }
      out.set(value, off);
      off += value.byteLength;
    }
  } catch (e) {
    throw e instanceof DataError ? e : new DataError(msg('data.corrupt', { name }));
  }
  return out.subarray(0, off); // a short file fails the IDX size check with its own message
}

/** Loads all four files (stored copies first); reports (loaded, total) compressed bytes. Throws DataError. */
export async function loadMnist(baseUrl: string, onProgress: (loaded: number, total: number) => void): Promise<Mnist> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  let manifest: Manifest | null = null;
  try {
    const r = await fetch(`${base}manifest.json`, { cache: 'no-cache' });
    if (r.ok) manifest = decodeManifest(await r.json());
  } catch {
    manifest = null; // progress falls back to the known sizes below
  }
  const expected: Record<FileName, number> = {
    'train-images.idx.gz': manifest?.['train-images.idx.gz'] ?? 9.6e6,
    'train-labels.idx.gz': manifest?.['train-labels.idx.gz'] ?? 2.8e4,
    'test-images.idx.gz': manifest?.['test-images.idx.gz'] ?? 1.6e6,
    'test-labels.idx.gz': manifest?.['test-labels.idx.gz'] ?? 4.2e3,
  };
  const total = FILES.reduce((s, f) => s + expected[f], 0);
  let loaded = 0;
  onProgress(0, total);
  const download = async (f: FileName) => {
    const url = `${base}${f}`;
    // A stored copy passes the same caps and checks as a download (size, gunzip cap, IDX headers).
    const cached = await readCached(url, manifest ? expected[f] : null, maxStored(f));
    const bytes =
      cached ??
      (await fetchBytes(url, f, (n) => {
        loaded += n;
        onProgress(Math.min(loaded, total), total);
      }));
    if (cached) {
      loaded += cached.byteLength;
      onProgress(Math.min(loaded, total), total);
    }
    return { url, bytes, fresh: cached === null };
  };
  const got = await Promise.all(FILES.map(download));
  let raw: Uint8Array[];
  try {
    raw = await Promise.all(got.map((g, i) => gunzipIfNeeded(g.bytes, FILES[i])));
  } catch (e) {
    await clearCached(); // a damaged stored copy must not come back on Retry
    throw e;
  }
  const [trI, trL, teI, teL] = raw;
  const results = [
    parseIdxImages(trI, 'train-images', 60000),
    parseIdxLabels(trL, 'train-labels', 60000),
    parseIdxImages(teI, 'test-images', 10000),
    parseIdxLabels(teL, 'test-labels', 10000),
  ] as const;
  for (const r of results)
    if (!r.ok) {
      await clearCached();
      throw new DataError(msg('data.damaged', { detail: r.error }));
    }
  const fresh = got.filter((g) => g.fresh);
  if (fresh.length) await writeCached(fresh);
  const [a, b, c, d] = results;
  if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error('unreachable');
  onProgress(total, total);
  return {
    trainPixels: a.value.pixels,
    trainLabels: b.value.labels,
    testPixels: c.value.pixels,
    testLabels: d.value.labels,
  };
}

/** Test image `index` (or a random one): PIXELS bytes (0-255) and its label; index -1 and no pixels before the data. */
export function testSample(d: Mnist | null, index?: number): { index: number; label: number; pixels: Uint8Array } {
  if (!d) return { index: -1, label: -1, pixels: new Uint8Array(0) };
  const i =
    index !== undefined && index < d.testLabels.length ? index : Math.floor(Math.random() * d.testLabels.length);
  return { index: i, label: d.testLabels[i], pixels: d.testPixels.slice(i * PIXELS, (i + 1) * PIXELS) };
}
