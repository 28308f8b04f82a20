import { defineConfig } from '@playwright/test';

/**
 * e2e drives the real UI, API and SQLite register through the web shell in Debian's Chromium
 * (Playwright's own browsers cannot be downloaded here). There is no `webServer`: each test file
 * starts its own shell on a fresh register and a free port (tests/e2e/desk.ts), so files never
 * see each other's requests.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Sized for a busy 2-core CI machine shared with other jobs: waits are on conditions, so a
  // generous bound costs nothing when things are quick.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    locale: 'uk-UA',
    timezoneId: 'Europe/Kyiv',
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
