// Folder boundaries are enforced here, not by memory (docs/ARCHITECTURE.md):
//  - what may import what: one table, build/importRules.js, checked on every import by `boundaries/imports`;
//  - only src/worker/ imports tfjs; src/model, src/data, src/protocol import no React, zustand or recharts;
//  - named actions (a feature's actions.ts, store/actions.ts, app/actions.ts) are the only code that writes state;
//  - inside the worker, rooms with their own doors.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import boundaries from './build/eslintBoundaries.js';

const tfjs = { group: ['@tensorflow/*'], message: 'Only src/worker/ may import tfjs (build/importRules.js).' };
const layer = (names, message) => ({ group: names.flatMap((n) => [`**/${n}`, `**/${n}/*`]), message });
const pure = [
  tfjs,
  {
    group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts'],
    message: 'This folder is pure TypeScript.',
  },
];
/** Writing the store: allowed only in named actions (and the store's own definition, tests and the debug hooks). */
const storeWrite = [
  {
    selector: "CallExpression[callee.name='patch']",
    message: 'Only named actions write state: call an action from actions.ts.',
  },
  {
    selector: "CallExpression[callee.property.name='setState']",
    message: 'Only named actions write state: call an action from actions.ts.',
  },
];

/** A room of src/worker/: it may not import the page's folders nor `banned` rooms (its tests may, unless `tests`). */
const room = (name, banned, message, { noTfjs = false, tests = false } = {}) => ({
  files: [`src/worker/${name}/**`],
  ...(tests ? {} : { ignores: ['**/*.test.ts'] }),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(noTfjs ? [tfjs] : []),
          layer(['store', 'client', 'features', 'app', 'ui', 'services', 'charts', 'i18n', ...banned], message),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['**/*.tmp.mjs', 'dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks, boundaries },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/imports': 'error',
      'no-restricted-imports': ['error', { patterns: [tfjs] }],
      'no-restricted-syntax': ['error', ...storeWrite],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  // Layout is Prettier's (npm run lint runs prettier --check); the line limit also holds comments. Long strings
  // (message catalogues, generated code) may run over.
  prettier,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  // Message catalogues are data, one entry per line: their length is the number of messages.
  { files: ['src/i18n/en.ts', 'src/i18n/zhCN.ts'], rules: { 'max-lines': 'off' } },
  {
    files: ['src/model/**', 'src/data/**', 'src/protocol/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: pure }] },
  },
  {
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['store', 'client', 'features', 'app', 'ui', 'services', 'charts', 'i18n'],
              'The worker talks to the page only through src/protocol (text as Msg keys).',
            ),
          ],
        },
      ],
    },
  },
  // Inside the worker: kernels are leaves (they patch tfjs and know nothing of training); the data loader needs no
  // tfjs; the training loop does not reach into diagnostics or export; the learning step works on a copy of the
  // weights with plain tfjs ops. Tests may build models to check kernels.
  room(
    'kernels',
    ['training', 'backends', 'diagnostics', 'io'],
    'Kernels are leaves: they import tfjs, each other and the pure folders only.',
  ),
  room(
    'data',
    ['training', 'backends', 'kernels', 'diagnostics', 'io'],
    'The data loader fetches and checks bytes: no tfjs, no training.',
    { noTfjs: true, tests: true },
  ),
  room(
    'training',
    ['diagnostics', 'io', 'backends'],
    'The training loop does not depend on diagnostics, export or backend choice.',
  ),
  room(
    'learning',
    ['diagnostics', 'io', 'backends', 'kernels'],
    'The learning step works on a copy of the weights with plain tfjs ops: no backend choice, kernels or export.',
  ),
  // Named actions write state; tests, the store's definition and the debug hooks may too.
  {
    files: [
      'src/**/actions.ts',
      'src/**/*.test.{ts,tsx}',
      'src/store/store.ts',
      'src/app/debugHooks.ts',
      'src/testing/**',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // Tests of pure modules may render their messages in English or Chinese to check them (src/i18n/english.ts).
  {
    files: ['src/model/**/*.test.ts', 'src/store/**/*.test.ts', 'src/worker/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [] }] },
  },
  {
    files: ['scripts/**', '*.config.{js,ts}', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
