// Component and hook tests of the admin app: jsdom + Testing Library, run by `npm test -w plugin`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['admin/test/**/*.test.{ts,tsx}', 'admin/order-box/**/*.test.{ts,tsx}'],
    setupFiles: ['admin/test/setup.ts'],
    globals: true,
    testTimeout: 20_000,
  },
});
