// The envelope of a hand-in code: `MNP1.` + the payload (UTF-8 JSON) in base64url + `.` + its CRC-32 in hex.
// CRC-32 catches every change of one character (any error burst of up to 32 bits), so a typo is refused at once
// rather than read as another result. A checksum is not a signature: a code can be forged by recomputing it, which
// is why the class board verifies results by replaying them. Pure and dependency-free (e2e tests import it).

export const CODE_PREFIX = 'MNP1';
/** Longest code accepted or written (characters). */
export const MAX_CODE = 2000;

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as zip and PNG use) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const hex8 = (n: number) => n.toString(16).padStart(8, '0');

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** JSON text → a code. */
export function wrapCode(json: string): string {
  const body = toBase64Url(new TextEncoder().encode(json));
  return `${CODE_PREFIX}.${body}.${hex8(crc32(new TextEncoder().encode(body)))}`;
}

export type Unwrapped = { ok: true; json: string } | { ok: false; why: 'tooLong' | 'format' | 'checksum' };

const SHAPE = /^MNP1\.([A-Za-z0-9_-]+)\.([0-9a-f]{8})$/;

/** A code → its JSON text, or why not. Never throws. */
export function unwrapCode(text: string): Unwrapped {
  const s = text.trim();
  if (s.length > MAX_CODE) return { ok: false, why: 'tooLong' };
  const m = SHAPE.exec(s);
  if (!m) return { ok: false, why: 'format' };
  if (hex8(crc32(new TextEncoder().encode(m[1]))) !== m[2]) return { ok: false, why: 'checksum' };
  try {
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(m[1])) };
  } catch {
    return { ok: false, why: 'format' };
  }
}
