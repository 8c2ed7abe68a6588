// Playwright runs Debian's Chromium (/usr/bin/chromium): browsers cannot be downloaded here or in CI.
import { defineConfig } from '@playwright/test';
import { readStackEnv } from './support/stack-env.js';

const stack = readStackEnv();

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1, // two cores shared with WordPress, MariaDB and the bridge
  retries: 0,
  timeout: 30_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: '../.local/test/e2e-results',
  use: {
    baseURL: stack.wpUrl,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
