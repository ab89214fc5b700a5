import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'public', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Layer boundaries from docs/architecture: core is pure, scripts never reach the UI.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['../ml/*', '../state/*', '../components/*', '../pwa/*', '@tensorflow/*', 'solid-js*', 'node:*'] },
      ],
    },
  },
  {
    files: ['src/ml/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../state/*', '../components/*', '../pwa/*', 'solid-js*'] }],
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
