import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProject } from '../db';
import { seedSurvey } from '../electron/api/analysis/test-fixture';
import type { Page } from '@playwright/test';
import { expect, shot as fullShot, test } from './fixtures';

/** Full-page screenshot from the top (sticky table headers otherwise follow the scroll position). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullShot(page, name);
}

test('survey analysis: reasons among non-participants, participation × job type, the index with α, in both languages', async ({ page, kajian, consoleErrors }) => {
  test.setTimeout(120_000);
  // A project with 300 complete responses, written through the db functions as data entry would.
  const file = join(kajian.folder, 'survei-informal.kajian');
  const p = createProject(file, { title: 'Survei pekerja informal' });
  seedSurvey(p.db);
  p.close();

  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(file);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei pekerja informal');
  await page.getByTestId('nav-analysis').click();

  // Frequencies: the reasons among non-participants (filter peserta_aktif = tidak), base shown.
  await page.getByTestId('tab-frequencies').click();
  await page.getByTestId('freq-variable').selectOption('alasan_tidak_ikut');
  await page.getByTestId('freq-filter-add').click();
  await page.getByTestId('freq-filter-var-0').selectOption('peserta_aktif');
  await page.getByTestId('freq-filter-value-0').selectOption('tidak');
  await expect(page.getByTestId('freq-base')).toContainText('n = 231');
  const reasons = page.getByTestId('freq-table');
  await expect(reasons.getByRole('row', { name: /Tidak tahu manfaatnya/ })).toContainText('61,0');
  await expect(reasons.getByRole('row', { name: /Tidak mampu membayar iuran/ })).toContainText('25,1');
  await expect(reasons.getByRole('row', { name: /Alasan administrasi/ })).toContainText('13,9');
  await expect(page.getByTestId('freq-chart')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('freq-chart-png').click()]);
  expect(download.suggestedFilename()).toBe('frekuensi-alasan_tidak_ikut.png');
  const png = await download.path();
  expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  await page.getByTestId('freq-save').click();
  await expect(page.getByRole('status')).toContainText('Tersimpan sebagai');
  await shot(page, 'survey-frequencies-id');

  // Crosstab of participation × job type with chi-square.
  await page.getByTestId('tab-crosstab').click();
  await page.getByTestId('crosstab-row').selectOption('peserta_aktif');
  await page.getByTestId('crosstab-col').selectOption('jenis_pekerjaan');
  await expect(page.getByTestId('crosstab-table')).toContainText('Pemilik UMKM');
  await expect(page.getByTestId('crosstab-chi')).toContainText('24,355');
  await expect(page.getByTestId('crosstab-chi')).toContainText('4');
  await expect(page.getByTestId('crosstab-chi')).toContainText('< 0,001');
  await page.getByTestId('crosstab-cells-col').click();
  await expect(page.getByTestId('crosstab-table')).toContainText('45,0');
  await expect(page.getByTestId('crosstab-chart')).toBeVisible();
  await shot(page, 'survey-crosstab-id');

  // The index from the questionnaire's dimension tags: alpha per dimension, 2,8 overall.
  await page.getByTestId('tab-index').click();
  await expect(page.getByTestId('index-headline')).toContainText('2,8');
  await expect(page.getByTestId('index-alpha-akses')).toHaveText(/^0,\d{3}$/);
  await expect(page.getByTestId('index-alpha-pemahaman')).toHaveText(/^0,\d{3}$/);
  await expect(page.getByTestId('index-alpha-manfaat')).toHaveText(/^0,\d{3}$/);
  const alphaId = (await page.getByTestId('index-alpha-akses').textContent())!;
  await expect(page.getByTestId('index-rel-akses-alpha')).toContainText(`α Cronbach = ${alphaId}`);
  await page.getByTestId('index-group').selectOption('jenis_pekerjaan');
  await expect(page.getByTestId('index-groups')).toContainText('Pemilik UMKM');
  await expect(page.getByTestId('index-groups-chart')).toBeVisible();
  await page.getByTestId('index-save').click();
  await shot(page, 'survey-index-id');

  // English: the same numbers, formatted 2.8.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('index-headline')).toContainText('Effectiveness index 2.8');
  await expect(page.getByTestId('index-alpha-akses')).toHaveText(alphaId.replace(',', '.'));
  await expect(page.getByTestId('index-groups')).toContainText('UMKM owner');
  await shot(page, 'survey-index-en');
  await page.getByTestId('tab-crosstab').click();
  await page.getByTestId('crosstab-row').selectOption('peserta_aktif');
  await page.getByTestId('crosstab-col').selectOption('jenis_pekerjaan');
  await expect(page.getByTestId('crosstab-chi')).toContainText('24.355');
  await shot(page, 'survey-crosstab-en');

  // Saved analyses are recomputed when opened.
  await page.getByTestId('tab-saved').click();
  await expect(page.getByTestId('saved-list')).toContainText('Indeks efektivitas');
  await page.getByTestId('saved-open-Indeks efektivitas').click();
  await expect(page.getByTestId('saved-index-headline')).toContainText('2.8');
  await shot(page, 'survey-saved-en');
  // The study summary (participation and reason variables saved in the project).
  await page.getByText('Study summary', { exact: true }).click();
  await page.getByRole('button', { name: 'Save summary' }).click();
  await expect(page.getByTestId('saved-summary')).toContainText('69 of 300 respondents are active participants (23.0%; 95% CI 18.6–28.1%).');
  await expect(page.getByTestId('saved-summary')).toContainText('Effectiveness index 2.8');
  await shot(page, 'survey-summary-en');
  expect(consoleErrors).toEqual([]);
});
