// ESLint (flat config), run by `npm run lint` and first in `npm test`.
// Besides the recommended JS / TypeScript / React-hooks rules it enforces the layout of src/:
//   app/ (providers, router, layout, pages) → features/<f>/ → shared code (components, lib, types, locales).
// An import may only point down that list, and a feature never imports another feature: a page in
// app/routes composes them, and what two features both need lives in shared code.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const shared = ['./src/components', './src/lib', './src/types', './src/locales'];

// e2e/ (the Playwright specs and the audit script) is type-checked by tsconfig.e2e.json, not linted.
export default defineConfig(
  globalIgnores(['dist', 'coverage', 'node_modules', 'test-results', 'playwright-report', 'e2e']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['src/**/*.{ts,tsx}', 'build/**/*.ts', '*.{js,ts}'],
    plugins: { 'import-x': importX },
    settings: {
      // TypeScript modules are followed (no-cycle reads the imported files) and `@/` resolves as in tsconfig.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // A feature never imports another feature.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features never import each other: compose them in a page (src/app/routes) or move the shared piece to src/components or src/lib.',
            })),
            // Features never import the app (its providers, router, layout or pages).
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import src/app.',
            },
            // Shared code never imports features or the app.
            {
              target: shared,
              from: ['./src/features', './src/app'],
              message: 'Shared code (components, lib, types, locales) never imports features or src/app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['build/**/*.{ts,mjs}', '*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Scripts served as they are (public/boot.js).
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/test/**'],
    languageOptions: { globals: { ...globals.vitest, ...globals.node } },
  },
);
