import { join } from 'node:path';
import { openProject } from '../db';
import { createResponse, setAnswer, setResponseHeader } from '../db/queries/responses';
import { smallQuestionnaire } from '../db/test-fixtures';
import { expect, shot, test } from './fixtures';
import { seedProject } from './seed';

test('responses grid: sort, filter, labels/codes, delete with undo, open to edit', async ({ page, kajian, consoleErrors }) => {
  const path = seedProject(kajian.folder, 'grid.kajian', 'Survei grid', smallQuestionnaire());
  const p = openProject(path);
  const people = [
    ['R-001', 'Ani', 'Surabaya', 52, 'ya'],
    ['R-002', 'Budi', 'Yogyakarta', 23, 'tidak'],
    ['R-003', 'Ani', 'Medan', 37, 'tidak'],
  ] as const;
  for (const [code, enumerator, location, age, part] of people) {
    const id = createResponse(p.db, { respondentCode: code, enumerator, location });
    setAnswer(p.db, id, 'umur', age, { actor: enumerator });
    setAnswer(p.db, id, 'peserta_aktif', part, { actor: enumerator });
    setResponseHeader(p.db, id, { status: 'complete' }, { actor: enumerator });
  }
  p.close();

  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(join(kajian.folder, 'grid.kajian'));
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei grid');
  await page.getByTestId('nav-data').click();
  const grid = page.getByTestId('responses-grid');
  await expect(grid.getByRole('row')).toHaveCount(5);
  await expect(grid).toContainText('Tidak');
  await page.getByTestId('sort-umur').click();
  const firstCells = grid.locator('.grid-body .grid-row').first();
  await expect(firstCells).toContainText('R-002');
  await page.getByTestId('sort-umur').click();
  await expect(grid.locator('.grid-body .grid-row').first()).toContainText('R-001');
  await shot(page, 'grid-id');
  await page.getByTestId('toggle-labels').click();
  await expect(grid.locator('.grid-body')).toContainText('tidak');
  await page.getByTestId('filter-_enumerator').fill('bud');
  await expect(grid.locator('.grid-body .grid-row')).toHaveCount(1);
  await expect(page.getByTestId('grid-count')).toContainText('1 dari 1 respons');
  await page.getByTestId('filter-_enumerator').fill('');
  await expect(grid.locator('.grid-body .grid-row')).toHaveCount(3);

  // Delete with undo.
  await grid.locator('.grid-body .grid-row').first().click();
  await page.getByTestId('delete-response').click();
  await expect(grid.locator('.grid-body .grid-row')).toHaveCount(2);
  await page.getByTestId('undo-delete').click();
  await expect(grid.locator('.grid-body .grid-row')).toHaveCount(3);

  // Open to edit with Enter.
  await grid.locator('.grid-body .grid-row').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-status')).toHaveText('Selesai');
  await page.getByTestId('lang-en').click();
  await page.getByTestId('nav-data').click();
  await expect(page.getByTestId('grid-count')).toContainText('3 of 3 responses');
  await shot(page, 'grid-en');
  expect(consoleErrors).toEqual([]);
});
