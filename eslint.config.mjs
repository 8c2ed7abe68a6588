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
    // The plugin's admin scripts use the classic JSX runtime (createElement/Fragment from @wordpress/element):
    // WordPress 6.5 has no react-jsx-runtime script.
    files: ['plugin/admin/**/*.tsx'],
    languageOptions: { parserOptions: { jsxPragma: 'createElement', jsxFragmentName: 'Fragment' } },
  },
);
