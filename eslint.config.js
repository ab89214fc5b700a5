// Lint: ESLint's and typescript-eslint's recommended rules, plus the layer and feature boundaries
// of docs/architecture.md ("Layers and who may import whom"), and no import cycles anywhere.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;
/** Every feature folder: each may be imported from outside only through its index.ts. */
const FEATURES = readdirSync(`${ROOT}/src/features`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** `target` may not import from `from` (paths from the repository root). */
const forbid = (target, from, message) => ({ target, from, message });

/** `target` may import feature `name` only through its index.ts. */
const throughIndex = (target, name) => ({
  target,
  from: `src/features/${name}`,
  except: ['./index.ts'],
  message: `Import the ${name} feature through src/features/${name}/index.ts.`,
});

const zones = [
  forbid(
    'src/core',
    ['src/ml', 'src/ui', 'src/app', 'src/features', 'scripts', 'support', 'tests'],
    'core imports only core.',
  ),
  forbid(
    'src/ml',
    ['src/ui', 'src/app', 'src/features', 'scripts', 'support', 'tests'],
    'ml imports only core and ml.',
  ),
  forbid(
    'src/ui',
    ['src/ml', 'src/app', 'src/features', 'scripts', 'support', 'tests'],
    'ui imports only core and ui.',
  ),
  forbid(['src/app', 'src/features'], ['scripts', 'support', 'tests'], 'The app never imports Node code.'),
  forbid(
    'scripts',
    ['src/ui', 'src/app', 'src/features', 'tests'],
    'scripts import only core, ml, support and scripts/lib.',
  ),
  forbid(
    'src/sw',
    ['src/core', 'src/ml', 'src/ui', 'src/app', 'src/features', 'scripts', 'support', 'tests'],
    'The service worker and its page-side helpers stand alone.',
  ),
  forbid('support', ['src/ml', 'src/ui', 'src/app', 'src/features', 'scripts', 'tests'], 'support imports only core.'),
  ...FEATURES.map((name) => throughIndex('src/app', name)),
  ...FEATURES.flatMap((name) =>
    FEATURES.filter((other) => other !== name).map((other) => throughIndex(`src/features/${name}`, other)),
  ),
];

/** Packages a layer must not use: core runs unchanged in Node and the browser, ml has no UI. */
const packages = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'public', '.cache', 'tests/fixtures/lint'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
      // Dynamic import() counts as an edge too (allowUnsafeDynamicCyclicDependency stays false).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': packages(
        ['@tensorflow/*', 'solid-js', 'solid-js/*', 'node:*', 'idb', 'uplot', 'uplot/*', 'virtual:*'],
        'core is plain TypeScript shared by Node and the browser: no tfjs, Solid, Node or browser libraries.',
      ),
    },
  },
  {
    files: ['src/ml/**'],
    rules: {
      'no-restricted-imports': packages(['solid-js', 'solid-js/*', 'uplot', 'uplot/*', 'virtual:*'], 'ml has no UI.'),
    },
  },
  {
    // The service worker and its page-side helpers stand alone: no app, no tfjs, no UI.
    files: ['src/sw/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*/*', '@tensorflow/*', 'solid-js*', 'virtual:*', 'node:*'] }],
    },
  },
  {
    files: ['scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/components/*', '**/state/*', '**/pwa/*'] }] },
  },
);
