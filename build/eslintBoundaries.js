// ESLint rule `boundaries/imports`: every relative import under src/ is resolved to the folder it reaches and
// checked against build/importRules.js. Tests may import across layers (not another feature's insides).
import path from 'node:path';
import { LAYERS } from './importRules.js';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** 'features/<name>' or the first folder under src/ ('app' for src/main.tsx); null outside src/. */
function placeOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length === 1 && /\.(tsx?|css)$/.test(parts[0])) return { layer: 'app', feature: null, rest: parts };
  return {
    layer: parts[0],
    feature: parts[0] === 'features' ? parts[1] : null,
    rest: parts.slice(parts[0] === 'features' ? 2 : 1),
  };
}

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));

const rule = {
  meta: { type: 'problem', schema: [], messages: { bad: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from || !LAYERS[from.layer]) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = placeOf(path.resolve(path.dirname(file), source));
      if (!to) return;
      const report = (why) => context.report({ node, messageId: 'bad', data: { why } });
      if (to.layer === 'features' && to.feature !== from.feature) {
        const door = to.rest.length === 0 || (to.rest.length === 1 && /^index(\.tsx?)?$/.test(to.rest[0]));
        if (!door)
          return report(`Import features/${to.feature} through its index.ts, not its files (build/importRules.js).`);
      }
      if (to.layer === from.layer || isTest) return;
      if (isTypeOnly(node) && to.layer !== 'worker') return;
      if (!LAYERS[from.layer].may.includes(to.layer))
        report(
          `src/${from.layer}/ may not import src/${to.layer}/ (build/importRules.js: ${LAYERS[from.layer].about})`,
        );
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { imports: rule } };
