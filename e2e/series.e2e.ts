import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, shot as fullShot, test } from './fixtures';

/** A full-page screenshot from the top (sticky table headers otherwise stay where the page was scrolled). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await fullShot(page, name);
  // A second copy outside test-results/ (which each Playwright run empties), when asked for.
  const keep = process.env.KAJIAN_KEEP_SCREENS;
  if (keep) await page.screenshot({ path: join(keep, `${name}.png`), fullPage: true });
}

// Table 2 of the seed article (BPJS Ketenagakerjaan 2024) and its printed projection 2025-2030.
const TABLE2 = [
  'indicator,sector,programme,year,value,unit,source,kind',
  ...[3.2, 4.1, 4.8, 5.5, 6.3].map((v, i) => `Peserta sektor informal,informal,,${2020 + i},${v},juta orang,BPJS Ketenagakerjaan 2024,observed`),
].join('\n');
const PRINTED: [number, string][] = [
  [2025, '7,3'],
  [2026, '8,4'],
  [2027, '9,7'],
  [2028, '11,1'],
  [2029, '12,8'],
  [2030, '14,6'],
];

test('administrative series: import Table 2, growth as the article prints it, methods, chart, printed vs computed, target, both languages', async ({ page, kajian, consoleErrors }) => {
  test.setTimeout(120_000);
  const csv = join(kajian.folder, 'tabel2.csv');
  writeFileSync(csv, TABLE2);
  const bad = join(kajian.folder, 'tabel2-salah.csv');
  writeFileSync(bad, TABLE2.replace(',2022,4.8,', ',2022,empat koma delapan,'));

  await page.goto(kajian.url);
  await page.getByLabel('Judul studi').fill('Studi BPJS Ketenagakerjaan');
  await page.getByLabel('Lokasi berkas').fill(join(kajian.folder, 'studi.kajian'));
  await page.getByRole('button', { name: 'Buat proyek' }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Studi BPJS Ketenagakerjaan');

  // Data → Deret administratif: a file with a bad cell imports nothing and names row and column.
  await page.getByTestId('nav-data').click();
  await page.getByTestId('tab-series').click();
  await expect(page.getByText('Belum ada deret.')).toBeVisible();
  await page.getByLabel('Jalur berkas CSV/XLSX').fill(bad);
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('Tidak ada yang diimpor: 1 kesalahan');
  await expect(errors.locator('tbody tr').first()).toContainText('4');
  await expect(errors.locator('tbody tr').first()).toContainText('value');
  await expect(errors.locator('tbody tr').first()).toContainText('empat koma delapan');
  await expect(page.getByTestId('series-grid')).toHaveCount(0);

  // The correct file: all five rows.
  await page.getByLabel('Jalur berkas CSV/XLSX').fill(csv);
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByTestId('import-ok')).toHaveText('5 nilai diimpor (5 baru, 0 diperbarui).');
  const grid = page.getByTestId('series-grid');
  await expect(grid.locator('tbody tr')).toHaveCount(5);
  await expect(grid.getByLabel('Nilai · Peserta sektor informal 2020')).toHaveValue('3,2');
  // A grid edit is saved (and one that is not a number is refused beside its row).
  await grid.getByLabel('Nilai · Peserta sektor informal 2020').fill('tiga');
  await grid.getByLabel('Nilai · Peserta sektor informal 2020').press('Enter');
  await expect(grid.getByRole('alert')).toContainText('row 1, value');
  await grid.getByLabel('Nilai · Peserta sektor informal 2020').fill('3,2');
  await grid.getByLabel('Nilai · Peserta sektor informal 2020').press('Enter');
  await expect(grid.getByRole('alert')).toHaveCount(0);
  await shot(page, 'series-data-id');

  // Analisis → Proyeksi: the growth column as the article prints it.
  await page.getByTestId('nav-analysis').click();
  await page.getByTestId('tab-projection').click();
  const growthTable = page.getByTestId('growth-table');
  await expect(growthTable).toBeVisible();
  await expect(page.getByTestId('growth-2020')).toHaveText('–');
  await expect(page.getByTestId('growth-2021')).toHaveText('28,13');
  await expect(page.getByTestId('growth-2022')).toHaveText('17,07');
  await expect(page.getByTestId('growth-2023')).toHaveText('14,58');
  await expect(page.getByTestId('growth-2024')).toHaveText('14,55');
  await expect(page.getByTestId('mean-growth')).toHaveText('18,58%');
  await expect(page.getByTestId('cagr')).toHaveText('18,45%');
  await expect(page.getByTestId('series-warnings')).toContainText('3 derajat bebas residual');
  await expect(page.getByTestId('series-warnings')).toContainText('Durbin-Watson');
  // No rate is assumed: the constant-rate method is unavailable until one is typed.
  await expect(page.getByTestId('method-constant')).toBeDisabled();

  // The article's 15% as a stated constant rate.
  await page.getByLabel('Laju konstan (% per tahun)').fill('15');
  await page.getByLabel('Laju konstan (% per tahun)').press('Tab');
  await expect(page.getByTestId('method-constant')).toBeEnabled();
  const methods = page.getByTestId('methods-table');
  await expect(methods.locator('thead')).toContainText('Laju konstan');
  await expect(methods.locator('tbody tr').last()).toContainText('14,57');

  // The printed projection, typed per year and saved as a published projection.
  for (const [year, value] of PRINTED) await page.getByLabel(`Proyeksi terbitan ${year}`).fill(value);
  await page.getByLabel('Sumber angka terbitan').fill('Artikel, tabel proyeksi 2025-2030');
  await page.getByRole('button', { name: 'Simpan proyeksi terbitan' }).click();
  const printed = page.getByTestId('printed-table');
  await expect(printed).toBeVisible();
  await expect(page.getByTestId('cmp-2025-constant')).toContainText('7,245');
  await expect(page.getByTestId('cmp-2025-constant')).toContainText('beda');
  await expect(page.getByTestId('cmp-2030-constant')).toContainText('sama');
  await expect(page.getByTestId('cmp-2026-oneStepFromPrinted')).toContainText('sama');
  await expect(page.getByTestId('cmp-2025-cagr')).toContainText('beda');
  const note = page.getByTestId('printed-note');
  await expect(note).toContainText('Tidak ada metode yang menghasilkan seluruh angka terbitan');
  await expect(note).toContainText('berbeda pada 2025, 2026, 2027, 2028, 2029');
  await expect(note).toContainText('15,04%');
  await expect(printed.locator('tbody tr').first()).toContainText('15,87');

  // The chart: all methods, then one method at a time; the chart and the tables change.
  const chart = page.getByTestId('projection-chart');
  await expect(chart).toHaveAttribute('data-method', 'all');
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|Laju konstan|CAGR|Rata-rata pertumbuhan|Tren linear|Tren log-linear|Proyeksi terbitan');
  await expect(page.getByTestId('chart-caption')).toHaveText('n = 5 tahun pengamatan · Sumber: BPJS Ketenagakerjaan 2024');
  await expect(page.getByTestId('method-table')).toHaveCount(0);
  const canvas = chart.locator('canvas');
  const before = await canvas.screenshot();
  await shot(page, 'projection-all-id');

  await page.getByTestId('method-linear').click();
  await expect(chart).toHaveAttribute('data-method', 'linear');
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|Tren linear|Proyeksi terbitan');
  const table = page.getByTestId('method-table');
  await expect(table.locator('thead')).toContainText('Batas bawah PI 95%');
  await expect(table.locator('tbody tr').first()).toContainText('7,06');
  await expect(table.locator('tbody tr').first()).toContainText('6,77');
  await expect(table.locator('tbody tr').first()).toContainText('7,35');
  await expect(methods.locator('th.selected')).toContainText('Tren linear');
  const linear = await canvas.screenshot();
  expect(linear.equals(before)).toBe(false);
  await shot(page, 'projection-linear-id');

  await page.getByTestId('method-cagr').click();
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|CAGR|Proyeksi terbitan');
  await expect(table.locator('thead')).not.toContainText('PI');
  await expect(table.locator('tbody tr').first()).toContainText('7,46');
  await expect(table.locator('tbody tr').first()).toContainText('18,45');
  // Pressing the chosen method again keeps it (a single toggle group never ends up empty).
  await page.getByTestId('method-cagr').click();
  await expect(chart).toHaveAttribute('data-method', 'cagr');
  await expect(page.getByTestId('method-cagr')).toHaveAttribute('data-state', 'on');
  expect((await canvas.screenshot()).equals(linear)).toBe(false);

  // Export PNG (browser mode: a download through an object URL).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(download.suggestedFilename()).toBe('proyeksi-peserta-sektor-informal-cagr.png');
  const saved = join(kajian.folder, 'grafik.png');
  await download.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

  // Target: 14-15 million by 2030.
  await page.getByLabel('Target (nilai)').fill('14');
  await page.getByLabel('sampai (opsional, untuk rentang)').fill('15');
  await page.getByLabel('Tahun target').fill('2030');
  await page.getByRole('button', { name: 'Hitung laju' }).click();
  const target = page.getByTestId('target-result');
  await expect(target).toContainText('Dari 6,3 (2024) ke 14,0 pada 2030 diperlukan pertumbuhan konstan 14,23% per tahun.');
  await expect(target).toContainText('15,56%');

  // English: the same figures with a decimal point.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('growth-2021')).toHaveText('28.13');
  await expect(page.getByTestId('cagr')).toHaveText('18.45%');
  await expect(page.getByTestId('series-warnings')).toContainText('3 residual degrees of freedom');
  await expect(page.getByTestId('printed-note')).toContainText('No method reproduces every printed figure');
  await expect(page.getByTestId('cmp-2025-constant')).toContainText('differs');
  await expect(chart).toHaveAttribute('data-datasets', 'Observed|CAGR|Published projection');
  await expect(page.getByTestId('target-result')).toContainText('14.23%');
  await page.getByTestId('method-logLinear').click();
  await expect(page.getByTestId('method-table').locator('thead')).toContainText('95% PI low');
  await shot(page, 'projection-loglinear-en');
  await page.getByTestId('nav-data').click();
  await page.getByTestId('tab-series').click();
  await expect(page.getByTestId('series-grid').getByLabel('Value · Peserta sektor informal 2020')).toHaveValue('3.2');
  await expect(page.getByTestId('series-grid').locator('tbody tr')).toHaveCount(11);
  await shot(page, 'series-data-en');
  expect(consoleErrors).toEqual([]);
});

test("the sample study's series: growth column, the printed projection beside each method, switching methods changes chart and table", async ({ page, kajian, consoleErrors }) => {
  await page.goto(kajian.url);
  await page.getByTestId('sample-card').getByRole('button', { name: 'Buka studi contoh' }).click();
  await expect(page.getByTestId('project-file')).toHaveText('studi-contoh-bpjs.kajian');

  // Data → Deret administratif: Table 2 and the printed projection, as stored by the sample-study generator.
  await page.getByTestId('nav-data').click();
  await page.getByTestId('tab-series').click();
  const grid = page.getByTestId('series-grid');
  await expect(grid.locator('tbody tr')).toHaveCount(11);
  await expect(grid.locator('tbody tr.published')).toHaveCount(6);

  // Analisis → Proyeksi.
  await page.getByTestId('nav-analysis').click();
  await page.getByTestId('tab-projection').click();
  await expect(page.getByTestId('growth-2021')).toHaveText('28,13');
  await expect(page.getByTestId('growth-2024')).toHaveText('14,55');
  // No rate typed: no constant-rate column; the stored printed figures are compared with the other methods, none reproduces them.
  await expect(page.getByTestId('method-constant')).toBeDisabled();
  await expect(page.getByTestId('cmp-2025-cagr')).toContainText('beda');
  await expect(page.getByTestId('cmp-2025-constant')).toHaveCount(0);
  await expect(page.getByTestId('printed-note')).toContainText('Tidak ada metode yang menghasilkan seluruh angka terbitan');

  const chart = page.getByTestId('projection-chart');
  const canvas = chart.locator('canvas');
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|CAGR|Rata-rata pertumbuhan|Tren linear|Tren log-linear|Proyeksi terbitan');
  const all = await canvas.screenshot();
  await page.getByTestId('method-logLinear').click();
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|Tren log-linear|Proyeksi terbitan');
  const table = page.getByTestId('method-table');
  await expect(table.locator('tbody tr').last()).toContainText('17,40');
  await expect(table.locator('tbody tr').last()).toContainText('12,10');
  await expect(table.locator('tbody tr').last()).toContainText('25,02');
  const logLinear = await canvas.screenshot();
  expect(logLinear.equals(all)).toBe(false);
  await page.getByTestId('method-meanGrowth').click();
  await expect(chart).toHaveAttribute('data-datasets', 'Pengamatan|Rata-rata pertumbuhan|Proyeksi terbitan');
  await expect(table.locator('thead')).not.toContainText('PI');
  await expect(table.locator('tbody tr').last()).toContainText('17,52');
  expect((await canvas.screenshot()).equals(logLinear)).toBe(false);
  await shot(page, 'projection-sample-id');

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('growth-2021')).toHaveText('28.13');
  await expect(page.getByTestId('method-table').locator('tbody tr').last()).toContainText('17.52');
  expect(consoleErrors).toEqual([]);
});
