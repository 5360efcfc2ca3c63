// Browser tests of the shop (e2e/specs) against a running API that also serves the built client.
// scripts/e2e.sh starts one on a free port and sets SHOP_URL; see README.md ("End-to-end run").
// Debian's Chromium, not a downloaded browser: `npx playwright install` cannot reach its CDN here.
import { defineConfig } from '@playwright/test';

const baseURL = (process.env.SHOP_URL ?? 'http://127.0.0.1:5000').replace(/\/+$/, '');
const actionTimeout = Number(process.env.SHOP_E2E_TIMEOUT_MS ?? 20_000);
const language = process.env.SHOP_E2E_LANG ?? 'zh-CN'; // the shop's default

export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results/artifacts',
  // One worker: 2 cores shared by the shop, Chromium and the runner, and one shop whose state the tests share.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  // A test is a scenario of up to ~20 actions; each action has its own timeout below.
  timeout: actionTimeout * 12,
  expect: { timeout: actionTimeout },
  reporter: [['list', { printSteps: true }], ['html', { outputFolder: 'test-results/html', open: 'never' }]],
  use: {
    baseURL,
    locale: language,
    actionTimeout,
    navigationTimeout: actionTimeout * 2,
    screenshot: 'only-on-failure',
    trace: (process.env.SHOP_E2E_TRACE as 'off' | 'on' | 'retain-on-failure' | undefined) ?? 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    headless: !process.env.HEADED,
  },
  projects: [
    // The API answers and serves the client; without that every other test would fail the same way.
    { name: 'preflight', testMatch: 'preflight.spec.ts' },
    {
      name: 'desktop',
      dependencies: ['preflight'],
      testIgnore: ['preflight.spec.ts', 'phone-*.spec.ts'],
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      dependencies: ['preflight'],
      testMatch: ['screenshots.spec.ts', 'phone-*.spec.ts'],
      use: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
});
