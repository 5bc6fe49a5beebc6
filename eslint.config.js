// Lint rules, including the layer rule: dependencies point from the edges (http, cli, web) inward
// (app, db) to the pure engines (matching, interchange, reports) and the domain.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const edges = ['**/http/**', '**/cli/**', '**/app/**', '**/db/**', '**/config/**'];
const engines = ['**/matching/**', '**/interchange/**', '**/reports/**'];
const io = ['node:fs', 'node:fs/*', 'fs', 'node:child_process', 'node:net', 'node:http', 'node:https'];

const noEnv = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Only src/config reads process.env.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'bench/results/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/**/*.test.ts', 'src/**/testing/**'],
    rules: noEnv,
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...edges, ...engines, ...io],
              message: 'domain/ is pure: it imports nothing outside itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/matching/**/*.ts', 'src/interchange/**/*.ts', 'src/reports/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/**/workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: edges, message: 'Engines are pure: no db, http, cli, app or config.' }] },
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/http/**', '**/cli/**'], message: 'app/ knows nothing of its edges.' }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
