// One flat config for every TypeScript workspace. Type-aware rules stay off here: `tsc -b` is the type check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/vendor/**',
      '**/.tsbuild/**',
      '.data/**',
      '.local/**',
      '**/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The order box's scripts use the classic JSX runtime (per-file pragmas, createElement/Fragment from
    // @wordpress/element); the admin app bundles the JSX runtime instead (plugin/webpack.config.js).
    files: ['plugin/admin/order-box/**/*.tsx'],
    languageOptions: { parserOptions: { jsxPragma: 'createElement', jsxFragmentName: 'Fragment' } },
  },
  {
    // The plugin's webpack config is CommonJS, as @wordpress/scripts loads it.
    files: ['plugin/webpack.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
