import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { electronBinary } from './e2e/electron-binary';

const chromiumArgs = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const projects: NonNullable<PlaywrightTestConfig['projects']> = [
  {
    name: 'chromium-browser-transport',
    testMatch: /.*\.e2e\.ts$/,
    use: {
      browserName: 'chromium',
      launchOptions: { executablePath: process.env.KAJIAN_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
      viewport: { width: 1280, height: 800 },
    },
  },
];

// The desktop project runs the same smoke test in the real Electron app where its binary exists.
// Where it does not, it is left out and says so: it is never counted as passed.
const electron = electronBinary();
if (electron) {
  projects.push({ name: 'electron', testMatch: /.*\.electron\.ts$/ });
} else if (!process.env.KAJIAN_QUIET_ELECTRON) {
  process.env.KAJIAN_QUIET_ELECTRON = '1';
  console.log('Electron project: NOT RUN (no Electron binary on this machine; the desktop smoke test did not run).');
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects,
});
