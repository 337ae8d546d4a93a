// Decoding of MNIST's IDX files (big-endian header). Pixels stay bytes (0 = background, 255 = ink):
// 60,000 images are 47 MB as bytes and would be 188 MB as float32.

export type IdxImages = { kind: 'images'; count: number; rows: number; cols: number; pixels: Uint8Array };
export type IdxLabels = { kind: 'labels'; count: number; labels: Uint8Array };
export type IdxResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const IMAGES_MAGIC = 2051;
export const LABELS_MAGIC = 2049;

function view(bytes: Uint8Array) {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Parses an IDX3 image file. `name` appears in error messages. Never throws. */
export function parseIdxImages(bytes: Uint8Array, name = 'images', expectedCount?: number): IdxResult<IdxImages> {
  if (bytes.byteLength < 16)
    return { ok: false, error: `${name}: file is too short (${bytes.byteLength} bytes) to be an IDX image file.` };
  const v = view(bytes);
  const magic = v.getUint32(0);
  if (magic !== IMAGES_MAGIC)
    return { ok: false, error: `${name}: not an IDX image file (magic number ${magic}, expected ${IMAGES_MAGIC}).` };
  const count = v.getUint32(4);
  const rows = v.getUint32(8);
  const cols = v.getUint32(12);
  if (rows !== 28 || cols !== 28) return { ok: false, error: `${name}: images are ${rows}×${cols}, expected 28×28.` };
  if (expectedCount !== undefined && count !== expectedCount)
    return { ok: false, error: `${name}: holds ${count} images, expected ${expectedCount}.` };
  const need = 16 + count * rows * cols;
  if (bytes.byteLength < need)
    return { ok: false, error: `${name}: file is truncated (${bytes.byteLength} of ${need} bytes).` };
  if (bytes.byteLength > need)
    return { ok: false, error: `${name}: file has ${bytes.byteLength - need} unexpected extra bytes.` };
  return { ok: true, value: { kind: 'images', count, rows, cols, pixels: bytes.subarray(16, need) } };
}

/** Parses an IDX1 label file; every label must be a digit 0-9. Never throws. */
export function parseIdxLabels(bytes: Uint8Array, name = 'labels', expectedCount?: number): IdxResult<IdxLabels> {
  if (bytes.byteLength < 8)
    return { ok: false, error: `${name}: file is too short (${bytes.byteLength} bytes) to be an IDX label file.` };
  const v = view(bytes);
  const magic = v.getUint32(0);
  if (magic !== LABELS_MAGIC)
    return { ok: false, error: `${name}: not an IDX label file (magic number ${magic}, expected ${LABELS_MAGIC}).` };
  const count = v.getUint32(4);
  if (expectedCount !== undefined && count !== expectedCount)
    return { ok: false, error: `${name}: holds ${count} labels, expected ${expectedCount}.` };
  const need = 8 + count;
  if (bytes.byteLength < need)
    return { ok: false, error: `${name}: file is truncated (${bytes.byteLength} of ${need} bytes).` };
  if (bytes.byteLength > need)
    return { ok: false, error: `${name}: file has ${bytes.byteLength - need} unexpected extra bytes.` };
  const labels = bytes.subarray(8, need);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) return { ok: false, error: `${name}: label ${i} is ${labels[i]}, not a digit 0-9.` };
  }
  return { ok: true, value: { kind: 'labels', count, labels } };
}

/** Builds an IDX file in memory (tests, fixtures). */
export function encodeIdx(kind: 'images' | 'labels', count: number, body: Uint8Array): Uint8Array {
  const header = kind === 'images' ? 16 : 8;
  const out = new Uint8Array(header + body.byteLength);
  const v = new DataView(out.buffer);
  v.setUint32(0, kind === 'images' ? IMAGES_MAGIC : LABELS_MAGIC);
  v.setUint32(4, count);
  if (kind === 'images') {
    v.setUint32(8, 28);
    v.setUint32(12, 28);
  }
  out.set(body, header);
  return out;
}
