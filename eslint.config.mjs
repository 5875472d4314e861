// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const NO_APPS = [{ group: ['**/apps/**'], message: 'Libs never import apps.' }];

// Every CSV and XLSX the registry produces defuses formulas through @amparo/core (csvLine,
// spreadsheetCell): nothing writes CSV on its own, and only the XLSX writers listed below use exceljs.
const SPREADSHEET_LIBRARIES = ['csv-stringify', 'csv-stringify/sync', 'exceljs', 'xlsx'].map(
  (name) => ({
    name,
    message: 'Write CSV with csvLine and XLSX cells through spreadsheetCell (@amparo/core).',
  }),
);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['apps/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: SPREADSHEET_LIBRARIES }] },
  },
  {
    files: ['libs/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: NO_APPS, paths: SPREADSHEET_LIBRARIES }],
    },
  },
  {
    // The crisis import reads XLSX lists (it writes none of their values) and writes a template of
    // fixed headers, through spreadsheetCell like every other cell; the regional report's annex
    // writes its cells through spreadsheetCell too.
    files: [
      'libs/statistics/src/exports/writers/xlsx-export-writer.ts',
      'libs/statistics/src/regional/reports/regional-report-annex.ts',
      'libs/crisis/src/import/import-file-reader.ts',
      'libs/crisis/src/import/import-template.ts',
      'libs/**/*.spec.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: NO_APPS }] },
  },
  {
    files: ['scripts/**/*.js', '*.config.js', '.dependency-cruiser.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
