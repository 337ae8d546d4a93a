// What may import what: one table, read by eslint.config.js (the `boundaries/imports` rule enforces it on every
// file under src/) and by src/testing/architecture.test.ts (docs/ARCHITECTURE.md must hold the table it renders).
// Runtime imports follow the table; type-only imports may point anywhere but the worker (as Excalidraw allows).
// Another feature is imported only through its index.ts.

/** @typedef {{ may: string[], about: string }} Layer */

/** @type {Record<string, Layer>} Folders under src/, from the leaves up. */
export const LAYERS = {
  model: {
    may: [],
    about: 'Pure TypeScript: networks, shapes, decoders, training settings, code export, messages as keys.',
  },
  data: { may: ['model'], about: 'Pure: MNIST files, strokes → 28×28 input, augmentation maths.' },
  protocol: { may: ['model'], about: 'Pure: the message tables between page and worker (commands, requests, events).' },
  worker: {
    may: ['model', 'data', 'protocol'],
    about: 'The training worker, in rooms; the only folder that imports tfjs.',
  },
  i18n: { may: ['model'], about: 'Message catalogues (English, 简体中文) and the hook that renders a Msg.' },
  charts: { may: ['model', 'protocol'], about: 'Drawing pieces with plain props: never the store or the worker.' },
  store: {
    may: ['model', 'protocol'],
    about:
      'The zustand store: slices, applyEvent, shared codecs and selectors, actions.ts (writes that follow the worker).',
  },
  services: {
    may: ['model'],
    about: 'Browser services: storage, isolation, offline, downloads, dialogs, page guards.',
  },
  client: {
    may: ['model', 'protocol', 'store'],
    about: 'The worker client: transport, requests, watchdog, pacing, ink hold.',
  },
  ui: { may: ['model', 'i18n', 'store', 'charts'], about: 'Shared UI pieces: they read the store, never write it.' },
  features: {
    may: ['model', 'data', 'protocol', 'i18n', 'charts', 'store', 'services', 'client', 'ui', 'features'],
    about: 'One folder per feature: components, actions.ts, selectors.ts, index.ts (the only door).',
  },
  app: {
    may: ['model', 'data', 'protocol', 'i18n', 'charts', 'store', 'services', 'client', 'ui', 'features'],
    about: 'The page: layout, main.tsx (composition root), debug hooks.',
  },
  testing: {
    may: ['model', 'data', 'protocol', 'i18n', 'charts', 'store', 'services', 'client', 'ui', 'features'],
    about: 'Test support: generators, synthetic digits, code checks.',
  },
  sw: { may: [], about: 'The service worker (Workbox precache, isolation headers).' },
};

/** The table as Markdown, as docs/ARCHITECTURE.md holds it. */
export function rulesMarkdown() {
  const rows = Object.entries(LAYERS).map(
    ([name, l]) =>
      `| \`src/${name}/\` | ${l.may.length ? l.may.map((m) => `\`${m}\``).join(', ') : '—'} | ${l.about} |`,
  );
  return ['| folder | may import (at runtime) | holds |', '|---|---|---|', ...rows].join('\n');
}
