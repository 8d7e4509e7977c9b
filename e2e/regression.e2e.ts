import { join } from 'node:path';
import { createProject } from '../db';
import { saveQuestionnaire } from '../db/queries/questionnaire';
import { createResponse, setAnswer, setResponseHeader } from '../db/queries/responses';
import { question } from '../db/test-fixtures';
import { expect, shot, test } from './fixtures';

/** 300 complete responses: understanding score from age, income, years of work and job type (reference UMKM). */
function seed(file: string): void {
  const p = createProject(file, { title: 'Survei regresi pekerja informal' });
  const db = p.db;
  const jobs = { id: 'Jenis pekerjaan', en: 'Type of work' };
  saveQuestionnaire(db, {
    title: 'Survei pekerja informal',
    formId: 'survei_regresi',
    version: '1',
    defaultLanguage: 'id',
    questions: [
      question('umur', 'integer', { label: { id: 'Umur (tahun)', en: 'Age (years)' } }),
      question('pendapatan', 'decimal', { label: { id: 'Pendapatan per bulan (juta Rp)', en: 'Monthly income (million Rp)' } }),
      question('lama_kerja', 'integer', { label: { id: 'Lama bekerja (tahun)', en: 'Years in work' } }),
      question('jenis_pekerjaan', 'select_one', { listName: 'pekerjaan', label: jobs }),
      question('pemahaman', 'decimal', { label: { id: 'Skor pemahaman program', en: 'Programme understanding score' } }),
      question('peserta_aktif', 'select_one', { listName: 'ya_tidak', label: { id: 'Peserta aktif BPJS Ketenagakerjaan', en: 'Active BPJS Ketenagakerjaan member' } }),
    ],
    choiceLists: [
      { name: 'ya_tidak', choices: [{ value: 'ya', label: { id: 'Ya', en: 'Yes' } }, { value: 'tidak', label: { id: 'Tidak', en: 'No' } }] },
      {
        name: 'pekerjaan',
        choices: [
          { value: 'umkm', label: { id: 'Pemilik UMKM', en: 'UMKM owner' } },
          { value: 'buruh_harian', label: { id: 'Buruh harian', en: 'Day labourer' } },
          { value: 'pekerja_lepas', label: { id: 'Pekerja lepas', en: 'Freelancer' } },
        ],
      },
    ],
  });
  let s = 20261125;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const job = ['umkm', 'buruh_harian', 'pekerja_lepas'];
  const effect: Record<string, number> = { umkm: 0, buruh_harian: -0.45, pekerja_lepas: -0.2 };
  const actor = { actor: 'e2e' };
  db.transaction(() => {
    for (let i = 0; i < 300; i++) {
      const id = createResponse(db, { respondentCode: `R${String(i + 1).padStart(3, '0')}`, enumerator: `enum${i % 4}`, location: i % 2 ? 'Surabaya' : 'Sidoarjo' });
      const umur = 18 + Math.floor(u() * 45);
      const pendapatan = Math.round((1 + u() * 5) * 100) / 100;
      const lama = Math.floor(u() * Math.min(30, umur - 16));
      const j = job[Math.floor(u() * 3)];
      const noise = (u() + u() + u() + u() - 2) * 0.6;
      const y = Math.round((1.2 + 0.012 * umur + 0.35 * pendapatan + 0.02 * lama + effect[j] + noise) * 100) / 100;
      setAnswer(db, id, 'umur', umur, actor);
      setAnswer(db, id, 'pendapatan', pendapatan, actor);
      setAnswer(db, id, 'lama_kerja', lama, actor);
      setAnswer(db, id, 'jenis_pekerjaan', j, actor);
      setAnswer(db, id, 'pemahaman', y, actor);
      const eta = -2.2 + 0.7 * pendapatan + (j === 'umkm' ? 0.5 : 0);
      setAnswer(db, id, 'peserta_aktif', u() < 1 / (1 + Math.exp(-eta)) ? 'ya' : 'tidak', actor);
      setResponseHeader(db, id, { status: 'complete' }, actor);
    }
  })();
  p.close();
}

test('regression: pick Y and X, read the coefficients and the assumption verdicts in Indonesian and English, save', async ({ page, kajian, consoleErrors }) => {
  test.setTimeout(120_000);
  const file = join(kajian.folder, 'regresi.kajian');
  seed(file);

  await page.goto(kajian.url);
  await page.getByLabel('Jalur berkas').fill(file);
  await page.getByRole('button', { name: 'Buka', exact: true }).click();
  await expect(page.getByTestId('project-title')).toHaveText('Survei regresi pekerja informal');
  await page.getByTestId('nav-analysis').click();
  await page.getByTestId('tab-regression').click();
  await expect(page.getByTestId('tab-regression')).toHaveText('Regresi');

  await page.getByTestId('reg-y').selectOption('pemahaman');
  await page.getByTestId('reg-x-umur').click();
  await page.getByTestId('reg-x-pendapatan').click();
  await page.getByTestId('reg-x-lama_kerja').click();
  await page.getByTestId('reg-x-jenis_pekerjaan').click();
  await page.getByTestId('reg-ref-jenis_pekerjaan').selectOption('umkm');
  await page.getByTestId('reg-run').click();

  const coef = page.getByTestId('reg-coefficients');
  await expect(coef).toBeVisible();
  await expect(page.getByTestId('reg-n')).toContainText('n = 300 kasus');
  for (const term of ['(Intercept)', 'umur', 'pendapatan', 'lama_kerja', 'jenis_pekerjaan=buruh_harian', 'jenis_pekerjaan=pekerja_lepas']) {
    await expect(page.getByTestId(`coef-${term}`)).toBeVisible();
  }
  // income's slope is about 0.35 (Indonesian decimal comma), with a VIF near 1
  await expect(page.getByTestId('coef-pendapatan')).toContainText(/0,3\d\d/);
  await expect(page.getByTestId('reg-model-summary')).toContainText(/0,\d{3}/);
  await expect(page.getByTestId('reg-anova')).toContainText('Regresi');
  // the verdicts, in plain Indonesian
  await expect(page.getByTestId('verdict-sw')).toContainText(/Residual (tidak )?berdistribusi normal \(Shapiro-Wilk p/);
  await expect(page.getByTestId('verdict-ks')).toContainText('Kolmogorov-Smirnov');
  await expect(page.getByTestId('verdict-glejser')).toContainText(/heteroskedastisitas/);
  await expect(page.getByTestId('verdict-bp')).toContainText(/heteroskedastisitas \(Breusch-Pagan \(Koenker\)/);
  await expect(page.getByTestId('verdict-dw')).toContainText(/autokorelasi|Tidak dapat disimpulkan/i);
  await expect(page.getByTestId('verdict-dw')).toContainText('dU');
  await expect(page.getByTestId('verdict-vif')).toContainText('Tidak terjadi multikolinearitas');
  for (const plot of ['plot-histogram', 'plot-pp', 'plot-qq', 'plot-scatter']) await expect(page.getByTestId(plot)).toBeVisible();
  await expect(page.getByTestId('reg-collinearity')).toContainText('Eigenvalue');
  await shot(page, 'regression-id');

  // English: the same model, verdicts and decimal points in English
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('tab-regression')).toHaveText('Regression');
  await expect(page.getByTestId('reg-n')).toContainText('n = 300 cases');
  await expect(page.getByTestId('coef-pendapatan')).toContainText(/0\.3\d\d/);
  await expect(page.getByTestId('verdict-sw')).toContainText(/Residuals are (not )?normally distributed \(Shapiro-Wilk p/);
  await expect(page.getByTestId('verdict-vif')).toContainText('No multicollinearity');
  await shot(page, 'regression-en');

  // Save it for the report pack
  await page.getByTestId('reg-save-name').fill('Pemahaman program: regresi linear');
  await page.getByTestId('reg-save').click();
  await expect(page.getByTestId('reg-saved')).toContainText('Saved: Pemahaman program: regresi linear');
  await expect(page.getByTestId('reg-saved-list')).toContainText('Pemahaman program: regresi linear');
  await shot(page, 'regression-saved-en');

  // A saved regression is a spec: reopened after a reload, it is recomputed from the data
  await page.reload();
  await page.getByTestId('nav-analysis').click();
  await page.getByTestId('tab-regression').click();
  const item = page.getByTestId('reg-saved-list').getByRole('listitem').filter({ hasText: 'Pemahaman program: regresi linear' });
  await item.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('coef-jenis_pekerjaan=buruh_harian')).toBeVisible();
  await expect(page.getByTestId('reg-ref-jenis_pekerjaan')).toHaveValue('umkm');

  // Binary logistic: participation on income and job type, event = ya
  await page.getByTestId('reg-model-logistic').click();
  await page.getByTestId('reg-y').selectOption('peserta_aktif');
  await page.getByTestId('reg-event').selectOption('ya');
  await page.getByTestId('reg-x-umur').click();
  await page.getByTestId('reg-x-lama_kerja').click();
  await page.getByTestId('reg-run').click();
  await expect(page.getByTestId('reg-coefficients')).toContainText('Exp(B)');
  await expect(page.getByTestId('coef-pendapatan')).toBeVisible();
  await expect(page.getByTestId('coef-jenis_pekerjaan=pekerja_lepas')).toBeVisible();
  await expect(page.getByTestId('reg-model-fit')).toContainText('Nagelkerke');
  await expect(page.getByTestId('verdict-hl')).toContainText(/The model (does not )?fits? the data \(Hosmer-Lemeshow p/);
  await expect(page.getByTestId('reg-classification')).toContainText('Overall percentage');
  await shot(page, 'regression-logistic-en');
  await page.getByTestId('lang-id').click();
  await expect(page.getByTestId('verdict-hl')).toContainText(/Model (tidak )?sesuai dengan data \(Hosmer-Lemeshow p = 0,\d{3}/);
  await shot(page, 'regression-logistic-id');
  // saved as a new analysis beside the linear one, not over it
  await expect(page.getByTestId('reg-save-name')).toHaveValue('Regression of Active BPJS Ketenagakerjaan member');
  await page.getByTestId('reg-save').click();
  await expect(page.getByTestId('reg-saved-list').getByRole('listitem')).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
