import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, shot, test } from './fixtures';

test('open the sample study from the start screen and see the article reproduced, in both languages', async ({ page, kajian, consoleErrors }) => {
  await page.goto(kajian.url);
  const card = page.getByTestId('sample-card');
  await expect(card).toContainText('Data sintetis');
  await shot(page, 'sample-start-id');

  await card.getByRole('button', { name: 'Buka studi contoh' }).click();
  await expect(page.getByTestId('project-title')).toContainText('data sintetis');
  await expect(page.getByTestId('project-file')).toHaveText('studi-contoh-bpjs.kajian');
  expect(existsSync(join(kajian.folder, 'studi-contoh-bpjs.kajian'))).toBe(true);

  await page.getByTestId('nav-analysis').click();
  await page.getByRole('tab', { name: 'Reproduksi artikel' }).click();
  const view = page.getByTestId('reproduce');
  await expect(view.getByTestId('synthetic-note')).toContainText('Data sintetis');
  await expect(view.getByTestId('figure-participation')).toContainText('23,0%');
  await expect(view.getByTestId('figure-participation')).toContainText('Sesuai');
  await expect(view.getByTestId('figure-reason.tidak_tahu_manfaat')).toContainText('61,0%');
  await expect(view.getByTestId('figure-reason.tidak_mampu_iuran')).toContainText('25,1%');
  await expect(view.getByTestId('figure-reason.administrasi')).toContainText('13,9%');
  await expect(view.getByTestId('figure-umkm-gap')).toContainText('40,9%');
  await expect(view.getByTestId('figure-index')).toContainText('2,798');
  await expect(view.getByTestId('figure-index')).toContainText('Sesuai');
  await expect(view.getByTestId('figure-growth.2021')).toContainText('28,13%');
  await expect(view.getByTestId('figure-projection.2025')).toContainText('Berbeda');
  await expect(view.getByTestId('figure-projection.2025')).toContainText('7,245');
  await expect(view.getByTestId('figure-projection.2030')).toContainText('Sesuai');
  await expect(view.getByTestId('reproduce-summary')).toContainText('12 sesuai, 6 berbeda');
  await shot(page, 'sample-reproduce-id');

  // The saved regressions open ready, with the assumption tests (the Regression tab of the analysis area).
  await page.getByRole('tab', { name: 'Regresi' }).click();
  const savedRegressions = page.getByTestId('reg-saved-list');
  await savedRegressions.getByRole('listitem').filter({ hasText: 'Regresi linier' }).getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('reg-assumptions')).toBeVisible();
  await expect(page.getByTestId('coef-skor_literasi')).toBeVisible();
  await savedRegressions.getByRole('listitem').filter({ hasText: 'Regresi logistik' }).getByRole('button', { name: 'Buka' }).click();
  await expect(page.getByTestId('verdict-hl')).toBeVisible();
  await page.getByRole('tab', { name: 'Reproduksi artikel' }).click();

  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('tab', { name: 'Reproduce the article' })).toBeVisible();
  await expect(page.getByTestId('project-title')).toContainText('synthetic data');
  await expect(view.getByTestId('synthetic-note')).toContainText('Synthetic data');
  await expect(view.getByTestId('figure-participation')).toContainText('23.0%');
  await expect(view.getByTestId('figure-participation')).toContainText('Reproduced');
  await expect(view.getByTestId('figure-index')).toContainText('2.798');
  await expect(view.getByTestId('figure-projection.2025')).toContainText('Differs');
  await expect(view.getByTestId('reproduce-summary')).toContainText('12 reproduced, 6 differ');
  await shot(page, 'sample-reproduce-en');

  // Closing and choosing the sample again opens the same file (it is not rebuilt).
  await page.getByRole('button', { name: 'Close project' }).click();
  await expect(page.getByTestId('sample-card')).toContainText('Synthetic data');
  await shot(page, 'sample-start-en');
  await page.getByTestId('sample-card').getByRole('button', { name: 'Open the sample study' }).click();
  await expect(page.getByTestId('project-title')).toContainText('data sintetis');
  expect(consoleErrors).toEqual([]);
});
