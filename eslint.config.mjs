// @ts-check
/**
 * ESLint: typescript-eslint's type-checked recommended rules, React's hook rules for the Custom UI, sorted imports and
 * exports, and the code's import boundaries (DESIGN.md §2, also checked as a graph by test/contract/import-graph.test.ts):
 *
 *   - src/domain imports no Forge package and nothing of ours outside src/domain (it runs in the functions and the UI);
 *   - static/src takes only src/domain from the backend, and no server-side Forge package;
 *   - nothing deployed or shipped (src, static/src) imports the local harness in dev/.
 *
 * Formatting is Prettier's (eslint-config-prettier turns off the rules that would disagree with it, so it comes last).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier/flat';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const JS = '**/*.{js,mjs,cjs}';

/** The local harness: no deployed or shipped code may import it. */
const DEV = { group: ['**/dev', '**/dev/**'], message: 'dev/ is the local harness: nothing deployed or shipped imports it.' };
const SERVER_FORGE = ['@forge/api', '@forge/kvs', '@forge/resolver'].map((name) => ({
  name,
  message: `${name} runs in Forge functions only: the Custom UI talks to them through @forge/bridge and the resolvers.`,
}));
const BACKEND = {
  group: ['storage', 'jira', 'resolvers', 'triggers'].flatMap((dir) => [`**/src/${dir}`, `**/src/${dir}/**`]),
  message: 'The Custom UI takes only src/domain from the backend (the rest runs in Forge functions).',
};
const OUTSIDE_DOMAIN = {
  group: ['storage', 'jira', 'resolvers', 'triggers'].flatMap((dir) => [`**/${dir}`, `**/${dir}/**`]),
  message: 'src/domain imports nothing of ours outside src/domain.',
};
const FORGE = { group: ['@forge/*'], message: 'src/domain is pure: no Forge package (it runs in the functions and in the browser).' };
const NODE = { group: ['node:*'], message: 'src/domain also runs in the browser: no Node built-in.' };

/**
 * A relative import that climbs out of `zone` (e.g. `../../x` from `zone/a/b.ts`), as one config block per folder depth
 * so that the number of `../` is exact. `allowed` are the paths from the repository root it may still reach.
 */
function leaving(zone, allowed, message, restrictions) {
  const toZoneParent = zone.split('/').length - 1; // `../` from the zone's parent to the repository root
  const exceptions = allowed.map((p) => `(?!(\\.\\./){${toZoneParent}}${p}(/|$))`).join('');
  return [0, 1, 2, 3, 4, 5].map((depth) => ({
    files: [`${zone}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: restrictions.paths ?? [], patterns: [...restrictions.patterns, { regex: `^(\\.\\./){${depth + 1}}${exceptions}`, message }] },
      ],
    },
  }));
}

export default defineConfig(
  {
    ignores: ['**/node_modules/', 'static/build/', '**/dist/', 'coverage/', '.data/', 'tmp/', 'test/fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is type-checked in its own project: Node (the default), browser (static/src) or vite.config.ts.
        project: './tsconfig.node.json',
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // The plugin's default order (side effects, node:, packages, absolute, relative) in one block, without blank
      // lines between the kinds: the code's existing style.
      'simple-import-sort/imports': ['error', { groups: [['^\\u0000', '^node:', '^@?\\w', '^', '^\\.']] }],
      'simple-import-sort/exports': 'error',
      // `_`-prefixed parameters and destructured rest siblings are deliberate (an interface's signature, an omitted field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // Plain JavaScript (configs, build scripts, the harness's page scripts): no type information.
  { files: [JS], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.cjs', 'jest*.config.js', 'test/browser/require-chromium.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    // CommonJS modules: require() is how they import.
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['scripts/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: globals.node } },
  { files: ['dev/host/*-client.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },
  { files: ['src/**', 'dev/**', 'test/**', 'bench/**', 'scripts/**', 'vite.config.ts'], languageOptions: { globals: globals.node } },
  {
    files: ['test/**'],
    languageOptions: { globals: globals.jest },
    rules: {
      // @types/jest types the asymmetric matchers (expect.any, expect.objectContaining, expect.stringContaining…) as
      // `any`, so every `toMatchObject({ id: expect.any(String) })` would be an unsafe assignment or argument. Member
      // access, calls and returns on `any` stay errors.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // TODO: type the Jira fake's JSON answers here. These contract tests read Jira REST bodies (validated against the
    // OpenAPI spec by ajv first) field by field as `any`; typing every response shape is left for later.
    files: ['test/contract/jira-fake-openapi.test.ts', 'test/contract/jira-fake-behaviour.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // The Custom UI: React hooks, browser globals. The rules of hooks and exhaustive deps are errors. The plugin's
  // React Compiler checks (refs, set-state-in-effect, incompatible-library…) are left out: they judge code for the
  // compiler's automatic memoisation, which this app does not use, and flag react-hook-form's API and the form
  // layer's latest-options ref by design.
  {
    files: ['static/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: globals.browser, parserOptions: { project: './tsconfig.browser.json' } },
  },
  { files: ['vite.config.ts'], languageOptions: { parserOptions: { project: './tsconfig.vite.json' } } },

  // Import boundaries. A file gets the last matching block's no-restricted-imports, so each block repeats what applies.
  ...leaving('src', [], 'src/ may not import from outside src/.', { patterns: [DEV] }),
  ...leaving('src/domain', [], 'src/domain imports nothing of ours outside src/domain.', { patterns: [DEV, OUTSIDE_DOMAIN, FORGE, NODE] }),
  ...leaving('static/src', ['src/domain'], 'static/src takes only src/domain from the backend.', { paths: SERVER_FORGE, patterns: [DEV, BACKEND] }),

  prettier,
);
