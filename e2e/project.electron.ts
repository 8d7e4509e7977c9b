import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs only where the Electron binary exists (see playwright.config.ts): the same smoke test in the
// real desktop app. The native dialog is bypassed by typing nothing: the app is driven through the
// renderer, and the project is created through the menu-less API path the start screen uses.
test('desktop: create a project, switch the language, reopen it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kajian-electron-'));
  const app = await electron.launch({ args: ['.', `--user-data-dir=${join(dir, 'data')}`], cwd: process.cwd() });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Proyek baru' })).toBeVisible();
    await page.getByLabel('Judul studi').fill('Studi desktop');
    await page.getByLabel('Lokasi berkas').fill(join(dir, 'desktop.kajian'));
    await page.getByRole('button', { name: 'Buat proyek' }).click();
    await expect(page.getByTestId('project-title')).toHaveText('Studi desktop');
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('nav-questionnaire')).toContainText('Questionnaire');
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByTestId('recent').getByRole('button', { name: /Studi desktop/ }).click();
    await expect(page.getByTestId('project-title')).toHaveText('Studi desktop');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
