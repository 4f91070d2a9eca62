// Lint rules every file of the code base keeps; `npm run lint` runs them with the format check, `npm test` first.
// Formatting is Prettier's alone (eslint-config-prettier turns off the rules that would argue with it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.gridline/**', 'apps/console/dist/**', 'coverage/**', 'test-artifacts/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are kept on purpose (a callback's position); a rest sibling drops the named properties.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
    },
  },
  // Scripts, the broker launcher and the Jest configuration run on Node.
  { files: ['**/*.{mjs,js,cjs}'], languageOptions: { globals: globals.node } },
  // A .cjs file is CommonJS: require() is how it imports.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The dispatch-centre console is React: its hooks keep the rules of hooks.
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Integration specs read the services' JSON answers loosely typed, as a client would.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
);
