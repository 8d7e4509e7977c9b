import { join } from 'node:path';
import { createProject, openProject } from '../db';
import { smallQuestionnaire } from '../db/test-fixtures';
import { createResponse, setAnswer } from '../db/queries/responses';
import { seedProject } from './seed';
import type { Page } from '@playwright/test';
import { expect, shot, test } from './fixtures';

const EXAMPLES = '/work/shared/xlsform-examples';

/** The fixture's screenshot, and a copy in $KAJIAN_SHOTS_COPY when set (test-results/ is emptied by every Playwright run in this tree). */
async function snap(page: Page, name: string): Promise<void> {
  await shot(page, name);
  const copy = process.env.KAJIAN_SHOTS_COPY;
  if (copy) await page.screenshot({ path: join(copy, `${name}.png`), fullPage: true });
}

test('questionnaire designer: five questions with a skip rule and a constraint, expression error with its position, save and reload, XLSForm import, both languages', async ({ page, kajian, consoleErrors }) => {
  const path = join(kajian.folder, 'desain.kajian');
  createProject(path, { title: 'Survei desain' }).close();
  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(path);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei desain');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('area-questionnaire')).toBeVisible();
  await expect(page.getByTestId('question-list')).toContainText('Belum ada pertanyaan');

  const list = page.getByTestId('question-list');
  const addQuestion = async (type: string, name: string, labelId: string, labelEn: string) => {
    await list.getByLabel('Jenis pertanyaan baru').selectOption(type);
    await list.getByRole('button', { name: 'Tambah pertanyaan' }).click();
    await expect(page.locator('#qe-name')).toBeFocused();
    await page.locator('#qe-name').fill(name);
    await page.getByLabel('Label (Bahasa Indonesia)', { exact: true }).first().fill(labelId);
    await page.getByLabel('Label (English)', { exact: true }).first().fill(labelEn);
  };

  // 1. Name (text, personal data).
  await addQuestion('text', 'nama', 'Nama responden', 'Respondent name');
  await page.getByTestId('qe-personal').check();
  // 2. Participation (single choice) with its choice list.
  await addQuestion('select_one', 'peserta', 'Apakah Anda peserta BPJS Ketenagakerjaan?', 'Are you a BPJS Ketenagakerjaan member?');
  const editor = page.getByTestId('question-editor');
  await editor.getByRole('button', { name: 'Tambah pilihan' }).click();
  await editor.getByRole('button', { name: 'Tambah pilihan' }).click();
  await editor.getByTestId('choice-value-0').fill('ya');
  await editor.getByTestId('choice-label-id-0').fill('Ya');
  await editor.getByTestId('choice-label-en-0').fill('Yes');
  await editor.getByTestId('choice-value-1').fill('tidak');
  await editor.getByTestId('choice-label-id-1').fill('Tidak');
  await editor.getByTestId('choice-label-en-1').fill('No');
  await page.getByTestId('qe-required').check();
  // 3. Reason, asked only of non-members (skip rule).
  await addQuestion('text', 'alasan', 'Mengapa belum menjadi peserta?', 'Why not a member yet?');
  await page.getByTestId('qe-relevant').fill("${peserta} = 'tidak'");
  // 4. Age with a constraint: first mistyped, the error names the position.
  await addQuestion('integer', 'umur', 'Umur (tahun)', 'Age (years)');
  await page.getByTestId('qe-constraint').fill('. >= 15 and and . <= 99');
  await expect(page.getByTestId('qe-constraint-error')).toContainText('Kesalahan pada karakter ke-13');
  await expect(page.getByTestId('problem-count')).toContainText('1 masalah');
  await expect(list.getByTestId('qitem-umur')).toContainText('1');
  await snap(page, 'questionnaire-expression-error-id');
  await page.getByTestId('qe-constraint').fill('. >= 15 and . <= 99');
  await expect(page.getByTestId('qe-constraint-error')).toHaveCount(0);
  await page.getByLabel('Pesan batasan (Bahasa Indonesia)').fill('Umur 15-99 tahun');
  await page.getByLabel('Pesan batasan (English)').fill('Age 15-99 years');
  // 5. A Likert item from the quick-add, tagged with its index dimension.
  await list.getByRole('button', { name: 'Tambah butir Likert 1-5' }).click();
  await page.locator('#qe-name').fill('akses1');
  await page.getByLabel('Label (Bahasa Indonesia)', { exact: true }).first().fill('Informasi pendaftaran mudah didapat');
  await page.getByLabel('Label (English)', { exact: true }).first().fill('Registration information is easy to find');
  await page.getByLabel('Dimensi indeks').selectOption('akses');
  await expect(editor.getByTestId('choice-label-id-0')).toHaveValue('Sangat tidak setuju');
  await expect(editor.getByTestId('choice-label-en-4')).toHaveValue('Strongly agree');
  await expect(page.getByTestId('problem-count')).toHaveText('Tidak ada masalah');

  // Live preview of the selected question: the Likert scale as the enumerator sees it.
  const preview = page.getByTestId('question-preview');
  await expect(preview.getByTestId('field-akses1')).toContainText('Sangat setuju');

  // Reorder: umur moves above alasan (button), then back down and up again with Alt+ArrowUp.
  await list.getByTestId('qitem-umur').getByRole('button', { name: 'Pindahkan umur ke atas' }).click();
  await expect(list.locator('li').nth(2)).toHaveAttribute('data-testid', 'qitem-umur');
  await list.getByTestId('qitem-umur').getByRole('button', { name: 'Pindahkan umur ke bawah' }).click();
  await expect(list.locator('li').nth(3)).toHaveAttribute('data-testid', 'qitem-umur');
  await list.getByTestId('qitem-umur').locator('.ql-select').focus();
  await list.getByTestId('qitem-umur').locator('.ql-select').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(list.locator('li').nth(2)).toHaveAttribute('data-testid', 'qitem-umur');

  // Delete with confirmation, then undo.
  await list.getByTestId('qitem-alasan').getByRole('button', { name: 'Hapus alasan' }).click();
  await page.getByTestId('question-list').page().getByRole('alertdialog').getByRole('button', { name: 'Hapus', exact: true }).click();
  await expect(list.getByTestId('qitem-alasan')).toHaveCount(0);
  await list.getByRole('button', { name: 'Urungkan' }).click();
  await expect(list.getByTestId('qitem-alasan')).toHaveCount(1);
  await expect(list.locator('li')).toHaveCount(5);

  // Whole-form preview: the skip rule and the constraint work as in data entry.
  await page.getByTestId('tab-preview').click();
  const form = page.getByTestId('form-preview');
  await expect(form.getByTestId('field-alasan')).toHaveCount(0);
  await form.getByTestId('choice-peserta-tidak').click();
  await expect(form.getByTestId('field-alasan')).toBeVisible();
  await form.locator('#q-umur').fill('12');
  await form.locator('#q-umur').press('Enter');
  await expect(form.getByTestId('field-umur')).toContainText('Umur 15-99 tahun');
  await snap(page, 'questionnaire-preview-id');

  // Leaving with unsaved changes asks first.
  await page.getByTestId('nav-overview').click();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Tetap di sini' }).click();
  await expect(page.getByTestId('area-questionnaire')).toBeVisible();

  // Save, reload, and see the same form.
  await page.getByTestId('tab-design').click();
  await page.getByTestId('designer-save').click();
  await expect(page.getByTestId('designer-message')).toHaveText('Kuesioner tersimpan.');
  await expect(page.getByTestId('designer-status')).toContainText('Semua perubahan tersimpan');
  await list.getByTestId('qitem-umur').locator('.ql-select').click();
  await snap(page, 'questionnaire-designer-id');
  await page.reload();
  await expect(page.getByTestId('project-title')).toHaveText('Survei desain');
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('question-list').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('question-list').locator('li').nth(2)).toHaveAttribute('data-testid', 'qitem-umur');
  await page.getByTestId('question-list').getByTestId('qitem-umur').locator('.ql-select').click();
  await expect(page.getByTestId('qe-constraint')).toHaveValue('. >= 15 and . <= 99');
  await page.getByTestId('question-list').getByTestId('qitem-alasan').locator('.ql-select').click();
  await expect(page.getByTestId('qe-relevant')).toHaveValue("${peserta} = 'tidak'");
  await page.getByTestId('question-list').getByTestId('qitem-nama').locator('.ql-select').click();
  await expect(page.getByTestId('qe-personal')).toBeChecked();

  // English.
  await page.getByTestId('lang-en').click();
  await page.getByTestId('question-list').getByTestId('qitem-umur').locator('.ql-select').click();
  await page.getByTestId('qe-constraint').fill('. >= 15 and (. <= 99');
  await expect(page.getByTestId('qe-constraint-error')).toContainText('Error at character');
  await snap(page, 'questionnaire-designer-en');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByTestId('designer-status')).toContainText('All changes saved');

  // XLSForm import by path: a form Kajian cannot honour imports nothing and lists the rows.
  await page.getByTestId('tab-xlsform').click();
  await page.getByLabel('XLSForm file path').fill(join(EXAMPLES, 'loop.xlsx'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-errors')).toContainText('survey row 3, column type');
  await expect(page.getByTestId('import-errors')).toContainText('the questionnaire is unchanged');
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('question-list').locator('li')).toHaveCount(5);
  // A form that imports, with the rows left out listed by row number and reason.
  await page.getByTestId('tab-xlsform').click();
  await page.getByLabel('XLSForm file path').fill(join(EXAMPLES, 'widgets.xls'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-report')).toContainText('questions imported from “widgets”');
  const skipped = page.getByTestId('import-skipped');
  await expect(skipped.getByRole('row').filter({ hasText: "'my_time'" })).toContainText('6');
  await snap(page, 'questionnaire-import-en');
  // Export to a path.
  await page.getByLabel('Save to file').fill(join(kajian.folder, 'widgets-export'));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByTestId('export-result')).toContainText('widgets-export.xlsx');

  await page.getByTestId('lang-id').click();
  await page.getByTestId('tab-xlsform').click();
  await snap(page, 'questionnaire-import-id');
  await page.getByTestId('tab-design').click();
  await expect(page.getByTestId('question-list').locator('li')).toHaveCount(23);
  expect(consoleErrors).toEqual([]);
});

test('questionnaire designer: deleting or replacing questions that hold answers asks first and says how many', async ({ page, kajian, consoleErrors }) => {
  const path = seedProject(kajian.folder, 'terjawab.kajian', 'Survei terjawab', smallQuestionnaire());
  const p = openProject(path);
  try {
    const id = createResponse(p.db, { respondentCode: 'R-1', enumerator: 'Ani' });
    setAnswer(p.db, id, 'umur', 41, { actor: 'Ani' });
    setAnswer(p.db, id, 'nama', 'Budi', { actor: 'Ani' });
  } finally {
    p.close();
  }
  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(path);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei terjawab');
  await page.keyboard.press('Alt+2');
  const list = page.getByTestId('question-list');
  await expect(list.locator('li')).toHaveCount(6);

  // Delete umur (answered) and save: the loss is announced; cancelling keeps everything.
  await list.getByTestId('qitem-umur').getByRole('button', { name: 'Hapus umur' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Hapus', exact: true }).click();
  await page.getByTestId('designer-save').click();
  await expect(page.getByTestId('loss-dialog')).toContainText('umur: 1');
  await expect(page.getByTestId('loss-dialog')).toContainText('1 jawaban ikut terhapus');
  await snap(page, 'questionnaire-loss-id');
  await page.getByRole('button', { name: 'Batal', exact: true }).click();
  await expect(page.getByTestId('designer-status')).toContainText('belum disimpan');
  // Alt+1 (another area) with unsaved edits asks first; discarding leaves and drops the edit.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await page.getByRole('button', { name: 'Buang perubahan' }).click();
  await expect(page.getByTestId('area-questionnaire')).toHaveCount(0);
  await expect(page.getByTestId('nav-overview')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+2');
  await expect(list.locator('li')).toHaveCount(6);
  await expect(page.getByTestId('designer-status')).toContainText('Semua perubahan tersimpan');
  await snap(page, 'questionnaire-list-id');

  // An import that drops answered questions is refused until confirmed.
  await page.getByTestId('tab-xlsform').click();
  await page.getByLabel('Jalur berkas XLSForm').fill(join(EXAMPLES, 'yes_or_no_question.xlsx'));
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await expect(page.getByTestId('import-lost')).toContainText('2 answers');
  await page.getByRole('button', { name: 'Hapus jawaban itu dan impor' }).click();
  await expect(page.getByTestId('import-report')).toContainText('2 jawaban dihapus');
  await page.getByTestId('tab-design').click();
  await expect(list.locator('li')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});
