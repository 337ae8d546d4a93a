// Literals for generated code: numbers and strings written with each language's rules (codegen.ts says why).
/** A number as both languages write it (digits, a point, an exponent), or 0 for anything that is not one. */
export function numberLiteral(v: unknown): string {
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : '0';
  return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/.test(s) ? s : '0';
}

/** A Python string literal: printable ASCII as is (quote and backslash escaped), everything else as \x, \u, \U. */
export function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A JavaScript string literal: printable ASCII as is (quote and backslash escaped), everything else as \u. */
export function jsString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/** Keras 3 names; leaky_relu has a negative slope of 0.2, as here. */
