// Writes the import-rule table (build/importRules.js) into docs/ARCHITECTURE.md between its markers.
// src/testing/architecture.test.ts fails until this has been run after a change to the table.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdown } from '../build/importRules.js';

const file = new URL('../docs/ARCHITECTURE.md', import.meta.url);
const doc = readFileSync(file, 'utf8');
const next = doc.replace(
  /(<!-- import-rules:start -->\n)[\s\S]*?(\n<!-- import-rules:end -->)/,
  `$1${rulesMarkdown()}$2`,
);
writeFileSync(file, next);
console.log(next === doc ? 'docs/ARCHITECTURE.md already up to date' : 'docs/ARCHITECTURE.md: import rules written');
