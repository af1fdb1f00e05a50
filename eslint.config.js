import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { groundworkPlugin } from './scripts/eslint/no-silent-catch.js';

const ipcWrapperFiles = ['electron/main/ipc-handlers.ts', 'electron/preload/**/*.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tools/**', '.native/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only electron/main and electron/preload import 'electron'." }] },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Raw IPC only in the typed wrappers (electron/main/ipc-handlers.ts, electron/preload).',
            },
          ],
        },
      ],
    },
  },
  { files: ipcWrapperFiles, rules: { 'no-restricted-imports': 'off' } },
  // The React rules of hooks, including the compiler-era checks (refs read or written during render).
  { files: ['renderer/**/*.{ts,tsx}', 'shared/reports/components/**/*.tsx'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // Product code: a failure is handled for the user or logged, never dropped (issue 18).
    files: ['electron/**/*.{ts,tsx}', 'hub/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { groundwork: groundworkPlugin },
    rules: { 'groundwork/no-silent-catch': 'error' },
  },
  {
    files: ['**/*.{mjs,cjs}', 'bin/*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['*.config.{ts,js}', 'vite.config.ts', 'vitest.config.ts', 'eslint.config.js', 'test/support/summary-reporter.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
