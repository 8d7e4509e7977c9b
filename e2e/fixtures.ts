import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KajianServer {
  url: string;
  folder: string;
  restart(): Promise<void>;
}

async function startServe(dataDir: string, folder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/serve.ts', '--data-dir', dataDir, '--folder', folder], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  return { child, url };
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
