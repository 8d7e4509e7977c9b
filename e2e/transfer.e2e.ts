import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { smallQuestionnaire } from '../db/test-fixtures';
import { expect, shot, test } from './fixtures';
import { seedProject } from './seed';

test('import a CSV with one bad row: report, nothing imported; fix it and import all; export', async ({ page, kajian, consoleErrors }) => {
  seedProject(kajian.folder, 'impor.kajian', 'Survei impor', smallQuestionnaire());
  const csv = join(kajian.folder, 'respons.csv');
  const rows = (age2: string) => `ID Responden,umur,peserta_aktif,program,catatan_lain\nR-01,34,ya,jkk jkm,a\nR-02,${age2},tidak,,b\nR-03,61,ya,jht,c\n`;
  writeFileSync(csv, rows('dua puluh'));

  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(join(kajian.folder, 'impor.kajian'));
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei impor');
  await page.getByTestId('nav-data').click();
  await page.getByRole('tab', { name: 'Impor/Ekspor' }).click();

  await page.getByLabel('Jalur berkas CSV/XLSX').fill(csv);
  await page.getByRole('button', { name: 'Baca berkas' }).click();
  const mapping = page.getByTestId('transfer-mapping');
  await expect(mapping).toContainText('CSV · 3 baris data');
  await expect(page.getByRole('combobox', { name: 'Tujuan kolom ID Responden' })).toContainText('ID responden');
  await expect(page.getByRole('combobox', { name: 'Tujuan kolom catatan_lain' })).toContainText('— lewati —');
  // The mapping is editable: map the extra column to enumerator, then skip it again.
  await page.getByRole('combobox', { name: 'Tujuan kolom catatan_lain' }).click();
  await page.getByRole('option', { name: 'Pencacah' }).click();
  await expect(page.getByRole('combobox', { name: 'Tujuan kolom catatan_lain' })).toContainText('Pencacah');
  await page.getByRole('combobox', { name: 'Tujuan kolom catatan_lain' }).click();
  await page.getByRole('option', { name: '— lewati —' }).click();

  await page.getByTestId('transfer-import').click();
  const report = page.getByTestId('transfer-report');
  await expect(report).toContainText('Tidak ada yang diimpor: 1 sel bermasalah');
  await expect(report.getByRole('row')).toHaveCount(2);
  await expect(report.getByRole('row').nth(1)).toContainText('3');
  await expect(report.getByRole('row').nth(1)).toContainText('umur');
  await expect(report.getByRole('row').nth(1)).toContainText('dua puluh');
  await expect(report.getByRole('row').nth(1)).toContainText('bukan bilangan bulat');
  await shot(page, 'transfer-report-id');
  await page.getByRole('tab', { name: 'Respons' }).click();
  await expect(page.getByTestId('responses-grid').locator('.grid-body .grid-row')).toHaveCount(0);

  writeFileSync(csv, rows('20'));
  await page.getByRole('tab', { name: 'Impor/Ekspor' }).click();
  await page.getByLabel('Jalur berkas CSV/XLSX').fill(csv);
  await page.getByRole('button', { name: 'Baca berkas' }).click();
  await page.getByTestId('transfer-import').click();
  await expect(page.getByTestId('transfer-ok')).toContainText('3 respons diimpor');
  await page.getByRole('tab', { name: 'Respons' }).click();
  await expect(page.getByTestId('responses-grid').locator('.grid-body .grid-row')).toHaveCount(3);

  await page.getByRole('tab', { name: 'Impor/Ekspor' }).click();
  await page.getByLabel('Simpan ke (.csv atau .xlsx)').fill(join(kajian.folder, 'keluar.xlsx'));
  await page.getByLabel('Label', { exact: true }).check();
  await page.getByRole('button', { name: 'Ekspor', exact: true }).click();
  await expect(page.getByTestId('transfer-exported')).toContainText('3 respons diekspor');
  await expect(page.getByTestId('transfer-exported')).toContainText('Data pribadi tidak diekspor: nama');

  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-data').click();
  await page.getByRole('tab', { name: 'Import/Export' }).click();
  await page.getByLabel('CSV/XLSX file path').fill(csv);
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByTestId('transfer-mapping')).toContainText('CSV · 3 data rows');
  await shot(page, 'transfer-en');
  expect(consoleErrors).toEqual([]);
});
