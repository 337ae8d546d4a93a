// docs/ARCHITECTURE.md cannot drift from the code: its import-rule table is the one ESLint enforces
// (build/importRules.js), its feature table lists the folders under src/features/, each with its index.ts, and its
// slice table lists the store's slices. Every folder under src/ has a rule.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, rulesMarkdown } from '../../build/importRules.js';
import { useStore } from '../store/store';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
const block = (name: string) =>
  doc.match(new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`))?.[1] ?? '';
/** The first column's code spans of a Markdown table. */
const firstColumn = (table: string) =>
  table
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|')[1].trim().replace(/`/g, ''));
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe('docs/ARCHITECTURE.md against the code', () => {
  it('holds the import-rule table ESLint enforces (npm run docs:rules writes it)', () => {
    expect(block('import-rules')).toBe(rulesMarkdown());
  });

  it('has a rule for every folder under src/, and no rule for a folder that is gone', () => {
    expect(folders(join(root, 'src'))).toEqual(Object.keys(LAYERS).sort());
    for (const [name, layer] of Object.entries(LAYERS))
      for (const m of layer.may) expect(LAYERS, `${name} → ${m}`).toHaveProperty(m);
  });

  it('lists every feature folder, each with an index.ts', () => {
    const features = folders(join(root, 'src', 'features'));
    expect(firstColumn(block('features')).sort()).toEqual(features);
    for (const f of features) expect(existsSync(join(root, 'src', 'features', f, 'index.ts')), f).toBe(true);
  });

  it("lists the store's slices", () => {
    expect(firstColumn(block('slices')).sort()).toEqual(Object.keys(useStore.getInitialState()).sort());
  });
});
