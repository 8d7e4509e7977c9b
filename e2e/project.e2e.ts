import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './fixtures';

test('create a project, switch the language, reopen it and see the same title', async ({ page, kajian, consoleErrors }) => {
  await page.goto(kajian.url);
  await expect(page.getByRole('heading', { name: 'Proyek baru' })).toBeVisible();
  await shot(page, 'start-id');

  // Validation beside the field, in Indonesian.
  await page.getByRole('button', { name: 'Buat proyek' }).click();
  await expect(page.getByText('Wajib diisi.')).toBeVisible();

  const file = join(kajian.folder, 'studi-bpjs.kajian');
  await page.getByLabel('Judul studi').fill('Studi BPJS Ketenagakerjaan');
  await page.getByLabel('Lokasi berkas').fill(file);
  await page.getByRole('button', { name: 'Buat proyek' }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Studi BPJS Ketenagakerjaan');
  await expect(page.getByTestId('project-file')).toHaveText('studi-bpjs.kajian');
  await expect(page.getByTestId('nav-questionnaire')).toContainText('Kuesioner');
  await expect(page.getByTestId('counts')).toContainText('Pertanyaan');
  await shot(page, 'shell-id');

  // Every area shows what exists so far.
  await page.getByTestId('nav-entry').click();
  await expect(page.getByTestId('area-entry')).toContainText('belum memiliki kuesioner');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Ikhtisar proyek' })).toBeVisible();

  // Switch to English.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('nav-questionnaire')).toContainText('Questionnaire');
  await expect(page.getByRole('heading', { name: 'Project overview' })).toBeVisible();
  await shot(page, 'shell-en');

  // Close, reopen from the recent list: same title, English kept.
  await page.getByRole('button', { name: 'Close project' }).click();
  await expect(page.getByRole('heading', { name: 'Recent files' })).toBeVisible();
  await shot(page, 'start-en');
  await page.getByTestId('recent').getByRole('button', { name: /Studi BPJS Ketenagakerjaan/ }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Studi BPJS Ketenagakerjaan');

  // A new server process (as after restarting the app): language persisted, project reopens by path.
  await kajian.restart();
  await page.goto(kajian.url);
  await expect(page.getByRole('heading', { name: 'Open project' })).toBeVisible();
  await page.getByLabel('File path').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Studi BPJS Ketenagakerjaan');
  expect(consoleErrors).toEqual([]);
});

test('opening a file that is not a Kajian project shows a clear message and leaves it untouched', async ({ page, kajian }) => {
  const file = join(kajian.folder, 'catatan.kajian');
  writeFileSync(file, 'catatan lapangan, bukan proyek');
  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(file);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('error')).toHaveText('Berkas ini bukan proyek Kajian.');
  expect(readFileSync(file, 'utf8')).toBe('catatan lapangan, bukan proyek');
});

test('the API refuses calls without the token', async ({ page, kajian }) => {
  const origin = new URL(kajian.url).origin;
  await page.goto(`${origin}/`);
  await expect(page.getByText(/Akses ditolak|Access refused/).first()).toBeVisible();
});
