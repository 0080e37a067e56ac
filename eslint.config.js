import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that touch the outside world: only the edges may import them. */
const EDGE_MODULES = ['node:fs', 'node:fs/promises', 'fs', 'node:http', 'node:https', 'node:child_process', 'node:net', '@actions/core', '@actions/github', '@octokit/rest', 'tinyglobby', 'pg'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.scratch/**', '.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The pure core takes values and returns values: no filesystem, network, GitHub or process exits.
    files: ['src/artefacts/**', 'src/audit/**', 'src/document/**', 'src/engine/**', 'src/policy/**', 'src/report/**', 'src/check.ts', 'src/errors.ts', 'src/json-schemas.ts'],
    ignores: ['src/audit/stores/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: EDGE_MODULES.map((name) => ({ name, message: 'I/O belongs at the edges (src/io, src/cli, src/action, src/github, src/registry).' })) }],
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Only entry points end the process.' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Network access belongs at the edges.' }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
