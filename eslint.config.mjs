// Lint: typescript-eslint's recommended rules, Prettier owns formatting, and
// the layering rules (no `vscode` outside the host, no Node in the webview)
// so an editor shows a wrong import as it is typed.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const vscodeImport = { name: 'vscode', message: 'Only src/host and the VS Code tests may import vscode.' };
const hostImport = { group: ['**/host/**'], message: 'The core, the CLI and the webview must not depend on the host.' };

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      '.cache/',
      'node_modules/',
      'test-results/',
      'sample/',
      'test/fixtures/export-release/',
      'reports/',
      '.stryker-tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/core/**', 'src/cli/**', 'src/host/editor/state/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [vscodeImport], patterns: [hostImport] }] },
  },
  {
    // Tests reach into pages, JSON and the extension host, where `any` is the honest type.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['webview/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [vscodeImport], patterns: [hostImport, { group: ['node:*'], message: 'The webview runs in a browser.' }] },
      ],
    },
  },
);
