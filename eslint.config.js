// Folder boundaries (README, "How the parts fit") are enforced here, not by memory:
//  - only src/worker/ imports tfjs;
//  - src/model, src/data, src/protocol are pure (no tfjs, React, store, DOM-owning layers);
//  - charts take plain props and never read the store; components reach the worker only through the bridge.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const tfjs = { group: ['@tensorflow/*'], message: 'Only src/worker/ may import tfjs (README, "How the parts fit").' };
const layer = (names, message) => ({ group: names.flatMap((n) => [`**/${n}`, `**/${n}/*`]), message });
const pure = [
  tfjs,
  { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts'], message: 'This folder is pure TypeScript.' },
  layer(
    ['store', 'bridge', 'components', 'charts', 'worker', 'i18n'],
    'Pure folders import only model/, data/, protocol/; text for people leaves them as Msg keys.',
  ),
];

/** A room of src/worker/: it may not import the page's folders nor `banned` rooms (its tests may, unless `tests`). */
const room = (name, banned, message, { noTfjs = false, tests = false } = {}) => ({
  files: [`src/worker/${name}/**`],
  ...(tests ? {} : { ignores: ['**/*.test.ts'] }),
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [...(noTfjs ? [tfjs] : []), layer(['store', 'bridge', 'components', 'charts', 'i18n', ...banned], message)] },
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
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [tfjs] }],
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
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true }],
    },
  },
  // Message catalogues are data, one entry per line: their length is the number of messages.
  { files: ['src/i18n/en.ts', 'src/i18n/zhCN.ts'], rules: { 'max-lines': 'off' } },
  { files: ['src/model/**', 'src/data/**', 'src/protocol/**'], rules: { 'no-restricted-imports': ['error', { patterns: pure }] } },
  {
    files: ['src/worker/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['store', 'bridge', 'components', 'charts', 'i18n'],
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
  room('training', ['diagnostics', 'io', 'backends'], 'The training loop does not depend on diagnostics, export or backend choice.'),
  room(
    'learning',
    ['diagnostics', 'io', 'backends', 'kernels'],
    'The learning step works on a copy of the weights with plain tfjs ops: no backend choice, kernels or export.',
  ),
  {
    files: ['src/charts/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [tfjs, layer(['store', 'bridge', 'worker'], 'Charts take plain data as props.')] }],
    },
  },
  {
    files: ['src/components/**', 'src/store/**', 'src/bridge/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tfjs, layer(['worker'], 'Reach the worker only through src/bridge.')] }] },
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
