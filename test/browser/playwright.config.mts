import chromium from '@sparticuz/chromium';
import { defineConfig } from '@playwright/test';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser tests of the console: the built app (npm run build && npm run build:web) on its own embedded PostgreSQL and
 * Meilisearch with the demo data, driven by the Chromium that ships inside @sparticuz/chromium (Playwright's own
 * browser download needs a network this machine does not have).
 */
// --single-process (for AWS Lambda) lets the browser die when a second context opens.
const CHROMIUM_ARGS = chromium.args.filter((arg) => arg !== '--single-process');
const PORT = Number(process.env.WB_BROWSER_PORT ?? 3999);
const dataDir = process.env.WB_BROWSER_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'waterbridge-browser-'));
chmodSync(dataDir, 0o711);
process.env.WB_BROWSER_DATA_DIR = dataDir;

export default defineConfig({
  testDir: '.',
  // `npm run screenshots` takes the screenshots of docs/console instead of running the tests.
  testMatch: process.env.WB_SCREENSHOTS ? '*.shots.ts' : '*.pw.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: await chromium.executablePath(), args: CHROMIUM_ARGS, headless: true },
    locale: 'en-GB',
    // The console honours reduced motion: no waiting on animations (and no click on a pop-up still appearing).
    reducedMotion: 'reduce',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node dist/src/main.js',
    cwd: join(import.meta.dirname, '..', '..'),
    url: `http://127.0.0.1:${PORT}/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(PORT + 51_000),
      EMBEDDED_MEILI_PORT: String(PORT + 4_000),
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_COST: '14',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
