// Vitest for the admin scripts: components in jsdom, driven through Testing Library as a user would.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'transform', jsxFactory: 'createElement', jsxFragment: 'Fragment' },
  test: {
    environment: 'jsdom',
    include: ['admin/**/*.test.ts', 'admin/**/*.test.tsx'],
    setupFiles: ['./admin/test-setup.ts'],
  },
});
