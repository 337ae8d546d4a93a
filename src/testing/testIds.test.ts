// docs/TEST-IDS.md lists every test id in the code, and only those: ids are read from `data-testid` and `testId`
// in the page's sources (literals, both arms of a ternary, templates with `${x}` as `<x>`) and from the doc's tables.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** `<anything>` → `<*>`, so a template's variable name need not match the doc's. */
const shape = (id: string) => id.replace(/<[^>]*>/g, '<*>');

/** The id expressions after `data-testid=` or `testId=`/`testId =`: every string inside them. */
export function idsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:data-testid|testId)\s*=\s*(\{[^\n]*|"[^"]*"|'[^']*')/g)) {
    let expr = m[1];
    if (expr.startsWith('{')) {
      let depth = 0;
      let end = 0;
      for (; end < expr.length; end++) {
        if (expr[end] === '{') depth++;
        if (expr[end] === '}' && --depth === 0) break;
      }
      expr = expr.slice(0, end + 1);
    }
    for (const q of expr.matchAll(/'([^']+)'|"([^"]+)"|`([^`]+)`/g)) {
      const id = (q[1] ?? q[2] ?? q[3]).replace(/\$\{[^}]*\}/g, '<x>');
      if (/^[a-z]+(\.[a-z0-9<>-]+)?$/.test(id)) out.push(shape(id));
    }
  }
  return out;
}

describe('docs/TEST-IDS.md', () => {
  const inCode = new Set(sources(join(root, 'src')).flatMap((f) => idsIn(readFileSync(f, 'utf8'))));
  const doc = readFileSync(join(root, 'docs', 'TEST-IDS.md'), 'utf8');
  const inDoc = new Set(
    doc
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .flatMap((l) => [...l.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => shape(m[1]))),
  );

  it('finds the ids (the reader works)', () => {
    expect(inCode.size).toBeGreaterThan(140);
    expect(inCode).toContain('train.start');
    expect(inCode).toContain('draw.prob-<*>');
    expect(inCode).toContain('io.message'); // the other arm of a ternary
    expect(inCode).toContain('hp.augment-strip'); // a default prop value
  });

  it('lists every id the code has', () => {
    expect([...inCode].filter((id) => !inDoc.has(id)).sort()).toEqual([]);
  });

  it('lists no id the code does not have', () => {
    expect([...inDoc].filter((id) => !inCode.has(id)).sort()).toEqual([]);
  });
});
