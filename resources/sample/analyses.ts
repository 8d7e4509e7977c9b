/**
 * The saved analyses of the sample study: what a newcomer finds ready to open. Survey kinds use
 * the specs of electron/api/analysis/spec.ts (frequencies, crosstab, index, summary); the two
 * regressions (kinds 'regression' and 'logistic') the spec of electron/api/regression/contract.ts.
 */
import { INDEX_ITEMS, REVERSE_ITEMS } from './questionnaire';

export interface SampleSavedAnalysis {
  kind: string;
  name: string;
  spec: unknown;
}

const DIMENSION_LABELS = {
  akses: { id: 'Akses', en: 'Access' },
  pemahaman: { id: 'Pemahaman', en: 'Understanding' },
  manfaat: { id: 'Manfaat yang dirasakan', en: 'Perceived benefit' },
} as const;

/** The effectiveness index as the article defines it: access, understanding, perceived benefit, equal weights, 1-5. */
export function sampleIndexSpec() {
  return {
    dimensions: (['akses', 'pemahaman', 'manfaat'] as const).map((d) => {
      const reverse = INDEX_ITEMS[d].filter((it) => (REVERSE_ITEMS as readonly string[]).includes(it));
      return { name: d, label: { ...DIMENSION_LABELS[d] }, items: [...INDEX_ITEMS[d]], ...(reverse.length ? { reverse } : {}) };
    }),
    min: 1,
    max: 5,
  };
}

/**
 * The linear regression of the story: the respondent's index on literacy, income and job type
 * (reference: buruh harian), in the spec format of electron/api/regression/contract.ts
 * (`regressionSpec`, every default written out). Opening it computes the classic assumption
 * tests with the fit.
 */
export const LINEAR_SPEC = {
  source: 'survey',
  y: 'indeks_efektivitas',
  x: ['skor_literasi', 'pendapatan'],
  factors: ['jenis_pekerjaan'],
  refs: { jenis_pekerjaan: 'buruh_harian' },
  intercept: true,
  logistic: false,
  cutoff: 0.5,
  alpha: 0.05,
} as const;

/** The logistic regression of participation (event: 'ya') on literacy, income and job type (reference: buruh harian). */
export const LOGISTIC_SPEC = {
  source: 'survey',
  y: 'peserta_aktif',
  x: ['skor_literasi', 'pendapatan'],
  factors: ['jenis_pekerjaan'],
  refs: { jenis_pekerjaan: 'buruh_harian' },
  intercept: true,
  logistic: true,
  cutoff: 0.5,
  event: 'ya',
  alpha: 0.05,
} as const;

export const LINEAR_NAME = 'Regresi linier: indeks efektivitas ~ literasi, pendapatan, jenis pekerjaan';
export const LOGISTIC_NAME = 'Regresi logistik: kepesertaan ~ literasi, pendapatan, jenis pekerjaan';

/** Every saved analysis of the sample, in the order they are written. */
export function sampleSavedAnalyses(): SampleSavedAnalysis[] {
  return [
    {
      kind: 'summary',
      name: 'Ringkasan studi (angka artikel)',
      spec: { participation: { variable: 'peserta_aktif', yes: 'ya' }, reason: { variable: 'alasan_tidak_ikut' }, index: sampleIndexSpec() },
    },
    { kind: 'frequencies', name: 'Alasan tidak ikut serta', spec: { variable: 'alasan_tidak_ikut' } },
    { kind: 'frequencies', name: 'Program yang diikuti peserta', spec: { variable: 'program' } },
    { kind: 'crosstab', name: 'Kepesertaan menurut jenis pekerjaan', spec: { row: 'jenis_pekerjaan', col: 'peserta_aktif' } },
    { kind: 'crosstab', name: 'Kepesertaan menurut kota', spec: { row: 'kota', col: 'peserta_aktif' } },
    { kind: 'crosstab', name: 'Kesediaan iuran fleksibel menurut alasan', spec: { row: 'alasan_tidak_ikut', col: 'bersedia_iuran_fleksibel' } },
    { kind: 'index', name: 'Indeks efektivitas', spec: sampleIndexSpec() },
    { kind: 'index', name: 'Indeks efektivitas menurut jenis pekerjaan', spec: { ...sampleIndexSpec(), groupBy: 'jenis_pekerjaan' } },
    { kind: 'regression', name: LINEAR_NAME, spec: structuredClone(LINEAR_SPEC) },
    { kind: 'logistic', name: LOGISTIC_NAME, spec: structuredClone(LOGISTIC_SPEC) },
  ];
}
