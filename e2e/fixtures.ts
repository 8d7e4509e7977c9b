import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from './serve-process';

export interface KajianServer {
  url: string;
  folder: string;
  restart(): Promise<void>;
}

/** Runs `electron/serve.ts` (the browser transport, real handlers and database) for each test. */
export const test = base.extend<{ kajian: KajianServer; consoleErrors: string[] }>({
  kajian: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'kajian-e2e-'));
    const dataDir = join(root, 'data');
    let running = await startServe(dataDir, root);
    const server: KajianServer = {
      get url() {
        return running.url;
      },
      folder: root,
      async restart() {
        running.child.kill();
        running = await startServe(dataDir, root);
      },
    };
    await use(server);
    running.child.kill();
    rmSync(root, { recursive: true, force: true });
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && !/favicon/.test(m.text())) errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
});

export { expect };

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join('screenshots', `${name}.png`), fullPage: true });
}
