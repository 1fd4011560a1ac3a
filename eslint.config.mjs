// @ts-check
// Lint rules of WaterBridge (docs/ARCHITECTURE.md explains the layer map enforced below).
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The folders of src/, lowest layer first. A folder may import its own files and the folders of lower layers, never a
 * folder of a higher layer; folders of one layer do not import each other, except in a layer marked `peers`. The files
 * at the root of src/ (app.module.ts, main.ts, runtime.ts, entities.ts, setting-rules.ts) compose the application and
 * may import anything. docs/ARCHITECTURE.md draws this map and says why each folder sits where it does.
 */
export const LAYERS = [
  // Platform: knows no domain.
  { folders: ['config'] },
  { folders: ['common'] },
  { folders: ['infra'] },
  { folders: ['observability'] },
  { folders: ['database'] },
  { folders: ['jobs'] },
  { folders: ['search-outbox'] },
  { folders: ['access'] },
  { folders: ['audit-log'] },
  { folders: ['graphql'] },
  // Domains, each above the ones it builds on.
  { folders: ['reference-data'] },
  { folders: ['organizations'] },
  { folders: ['users'] },
  { folders: ['auth'] },
  { folders: ['capabilities', 'reference-projects'] },
  { folders: ['needs'] },
  { folders: ['search'] },
  { folders: ['matching'] },
  { folders: ['notifications'] },
  { folders: ['matches'] },
  { folders: ['audit'] },
  { folders: ['imports'] },
  { folders: ['learning'] },
  // The alliance's own work (issue 16): programmes, their activities and B2B meetings, donations and training, reports.
  { folders: ['programmes'] },
  { folders: ['activities'] },
  { folders: ['meetings'] },
  { folders: ['donations', 'training'] },
  { folders: ['alliance-reports'] },
  // Entry points beside the API.
  { folders: ['demo', 'cli', 'health', 'console'] },
];

const unplaced = fs
  .readdirSync(path.join(import.meta.dirname, 'src'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !LAYERS.some((layer) => layer.folders.includes(entry.name)))
  .map((entry) => entry.name);
if (unplaced.length) throw new Error(`eslint.config.mjs: place src/${unplaced.join(', src/')} in LAYERS (docs/ARCHITECTURE.md)`);

/** import-x/no-restricted-paths zones: for each folder, the folders it must not import. */
function layerZones() {
  return LAYERS.flatMap((layer, index) =>
    layer.folders.map((folder) => ({
      target: `./src/${folder}`,
      from: [...(layer.peers ? [] : layer.folders), ...LAYERS.slice(index + 1).flatMap((above) => above.folders)]
        .filter((f) => f !== folder)
        .map((f) => `./src/${f}`),
      message: `the layer map (docs/ARCHITECTURE.md) puts src/${folder} below this folder.`,
    })),
  ).filter((zone) => zone.from.length > 0);
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'web/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // One TypeScript program per side, named: the project service, looking each file's tsconfig up, took ~10 % longer
    // (docs/PERFORMANCE.md, "Lint").
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // The interfaces we implement (Apollo plugins, Nest hooks, pg-boss handlers) ask for promises; an async method
      // without an await is the plain way to give one.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...layerZones(),
            { target: './src', from: ['./test', './bench'], message: 'application code never imports tests or benchmarks.' },
          ],
        },
      ],
    },
  },
  { files: ['web/**'], languageOptions: { parserOptions: { project: './web/tsconfig.json' } } },
  // This file is in no TypeScript program: linted without types.
  { files: ['eslint.config.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // Specs beside the code are tests: they may use test/support (the launcher of the real servers).
    files: ['src/**/*.spec.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones() }] },
  },
  {
    // Tests and benchmarks read GraphQL responses as untyped JSON: their assertions are the type check.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
);
