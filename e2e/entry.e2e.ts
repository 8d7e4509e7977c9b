import { smallQuestionnaire } from '../db/test-fixtures';
import { expect, shot, test } from './fixtures';
import { seedProject } from './seed';

test('keyboard data entry: validation on leaving a field, skip rule, completion, audit, double entry', async ({ page, kajian, consoleErrors }) => {
  const path = seedProject(kajian.folder, 'entri.kajian', 'Survei entri', smallQuestionnaire());
  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(path);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei entri');
  await page.keyboard.press('Alt+3');

  // Start a response with the keyboard only.
  await page.getByLabel('ID responden', { exact: true }).focus();
  await page.keyboard.type('SBY-001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ani');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Surabaya');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-nama')).toBeVisible();

  // nama (text) -> Enter moves on; umur with a constraint.
  await page.locator('#q-nama').focus();
  await page.keyboard.type('Budi');
  await page.keyboard.press('Enter');
  await expect(page.locator('#q-umur')).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-umur')).toContainText('Umur 15-99');
  await page.locator('#q-umur').fill('41');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-umur')).not.toContainText('Umur 15-99');

  // Digit 2 picks "tidak": the reason appears, the programmes stay hidden.
  await expect(page.getByTestId('field-alasan_tidak_ikut')).toHaveCount(0);
  await page.keyboard.press('2');
  await expect(page.getByTestId('choice-peserta_aktif-tidak')).toHaveAttribute('data-state', 'checked');
  await expect(page.getByTestId('field-alasan_tidak_ikut')).toBeVisible();
  await expect(page.getByTestId('field-program')).toHaveCount(0);
  await page.getByTestId('field-alasan_tidak_ikut').getByRole('radio').first().focus();
  await page.keyboard.press('3');
  await expect(page.getByTestId('choice-alasan_tidak_ikut-administrasi')).toHaveAttribute('data-state', 'checked');
  await page.keyboard.press('4');
  await expect(page.getByTestId('choice-akses1-4')).toHaveAttribute('data-state', 'checked');
  await shot(page, 'entry-id');

  // Ctrl+Enter completes and opens the next response.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('ID responden', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Pencacah', { exact: true })).toHaveValue('Ani');

  // Second response: a required answer is missing, completion is refused with the message.
  await page.keyboard.type('SBY-002');
  await page.keyboard.press('Enter');
  await page.locator('#q-umur').focus();
  await page.keyboard.type('30');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('entry-message')).toContainText('1 isian masih perlu diperbaiki');
  await expect(page.getByTestId('field-peserta_aktif')).toContainText('Pertanyaan ini wajib dijawab.');
  await page.getByTestId('field-peserta_aktif').getByRole('radio').first().focus();
  await page.keyboard.press('1');
  await expect(page.getByTestId('field-program')).toBeVisible();
  await page.getByTestId('complete-next').click();
  await expect(page.getByLabel('ID responden', { exact: true })).toBeFocused();

  // Double entry of SBY-001 with one different answer; resolve it.
  await page.getByTestId('mode-verify').click();
  await page.getByLabel('ID responden yang diverifikasi').fill('SBY-001');
  await page.getByLabel('Pencacah', { exact: true }).fill('Cici');
  await page.getByRole('button', { name: 'Mulai entri' }).click();
  await page.locator('#q-nama').fill('Budi');
  await page.locator('#q-umur').focus();
  await page.locator('#q-nama').press('Enter');
  await page.keyboard.type('44');
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  await page.getByTestId('field-alasan_tidak_ikut').getByRole('radio').first().focus();
  await page.keyboard.press('3');
  await page.keyboard.press('4');
  await expect(page.getByTestId('disc-umur')).toContainText('41');
  await expect(page.getByTestId('disc-umur')).toContainText('44');
  await shot(page, 'double-entry-id');
  await page.getByTestId('disc-umur').getByRole('button', { name: '41' }).click();
  await expect(page.getByTestId('discrepancies')).toContainText('Kedua entri sama persis.');
  await page.getByRole('button', { name: 'Tutup formulir' }).click();
  await expect(page.getByTestId('agreement')).toContainText('100,0');
  expect(consoleErrors).toEqual([]);
});
