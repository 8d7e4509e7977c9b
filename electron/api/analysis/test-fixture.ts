import type Database from 'better-sqlite3';
import { blankQuestion, type Question, type Questionnaire } from '../../../analysis/form/types';
import { saveQuestionnaire } from '../../../db/queries/questionnaire';
import { createResponse, setAnswer, setResponseHeader } from '../../../db/queries/responses';

/**
 * A deterministic survey of 300 informal workers shaped like the first study's article
 * (/work/shared/seed/SUMMARY.md): 69 active participants (23%); of the 231 others, 141 do not
 * know the benefits (61%), 58 cannot afford the contribution (25%), 32 give administrative
 * reasons (14%); UMKM owners participate most, daily labourers and freelancers least; nine Likert
 * items in three dimensions (pemahaman3 reverse-keyed) around 2.8. Used by the analysis tests,
 * the CLI tests and the e2e test (written through the db functions, as data entry would).
 */

function question(name: string, type: Question['type'], label: [string, string], extra: Partial<Question> = {}): Question {
  return blankQuestion(name, type, { label: { id: label[0], en: label[1] }, ...extra });
}

const LIKERT: [string, string][] = [
  ['Sangat tidak setuju', 'Strongly disagree'],
  ['Tidak setuju', 'Disagree'],
  ['Netral', 'Neutral'],
  ['Setuju', 'Agree'],
  ['Sangat setuju', 'Strongly agree'],
];

export const JOBS = ['umkm', 'pedagang_kecil', 'buruh_harian', 'pekerja_lepas', 'pekerja_rumahan'] as const;
export const CITIES = ['jakarta', 'surabaya', 'medan', 'makassar', 'yogyakarta'] as const;
/** Participants per job type (60 respondents each): 69 in all. */
export const PARTICIPANTS_BY_JOB: Record<(typeof JOBS)[number], number> = { umkm: 27, pedagang_kecil: 15, buruh_harian: 8, pekerja_lepas: 7, pekerja_rumahan: 12 };
/** Reasons among the 231 non-participants. */
export const REASON_COUNTS = { tidak_tahu_manfaat: 141, tidak_mampu_iuran: 58, administrasi: 32 } as const;

export function surveyQuestionnaire(): Questionnaire {
  const dims: [string, 'akses' | 'pemahaman' | 'manfaat', [string, string]][] = [
    ['akses1', 'akses', ['Kantor atau agen BPJS mudah dijangkau', 'A BPJS office or agent is easy to reach']],
    ['akses2', 'akses', ['Pendaftaran dapat dilakukan secara daring', 'Registration can be done online']],
    ['akses3', 'akses', ['Iuran mudah dibayarkan', 'The contribution is easy to pay']],
    ['pemahaman1', 'pemahaman', ['Saya tahu program JKK dan JKM', 'I know the JKK and JKM programmes']],
    ['pemahaman2', 'pemahaman', ['Saya tahu cara mengajukan klaim', 'I know how to file a claim']],
    ['pemahaman3', 'pemahaman', ['Aturan kepesertaan membingungkan', 'The membership rules are confusing']],
    ['manfaat1', 'manfaat', ['Perlindungan kecelakaan kerja bermanfaat', 'Work-accident cover is useful']],
    ['manfaat2', 'manfaat', ['Jaminan hari tua membantu keluarga', 'Old-age savings help the family']],
    ['manfaat3', 'manfaat', ['Manfaat sebanding dengan iuran', 'The benefits are worth the contribution']],
  ];
  return {
    title: 'Survei pekerja informal',
    formId: 'survei_informal',
    version: '1',
    defaultLanguage: 'id',
    questions: [
      question('kota', 'select_one', ['Kota', 'City'], { listName: 'kota' }),
      question('jenis_pekerjaan', 'select_one', ['Jenis pekerjaan', 'Job type'], { listName: 'pekerjaan' }),
      question('peserta_aktif', 'select_one', ['Peserta aktif BPJS Ketenagakerjaan', 'Active BPJS Ketenagakerjaan participant'], { listName: 'ya_tidak' }),
      question('alasan_tidak_ikut', 'select_one', ['Alasan tidak ikut', 'Reason for not joining'], { listName: 'alasan', relevant: "${peserta_aktif} = 'tidak'" }),
      question('program_diketahui', 'select_multiple', ['Program yang diketahui', 'Programmes known'], { listName: 'program' }),
      question('pendapatan', 'integer', ['Pendapatan per bulan (ribu Rp)', 'Monthly income (thousand Rp)']),
      ...dims.map(([name, dimension, label]) => question(name, 'likert', label, { listName: 'likert', dimension, reverse: name === 'pemahaman3' })),
    ],
    choiceLists: [
      { name: 'kota', choices: CITIES.map((c) => ({ value: c, label: { id: c[0]!.toUpperCase() + c.slice(1), en: c[0]!.toUpperCase() + c.slice(1) } })) },
      {
        name: 'pekerjaan',
        choices: [
          { value: 'umkm', label: { id: 'Pemilik UMKM', en: 'UMKM owner' } },
          { value: 'pedagang_kecil', label: { id: 'Pedagang kecil', en: 'Small trader' } },
          { value: 'buruh_harian', label: { id: 'Buruh harian', en: 'Daily labourer' } },
          { value: 'pekerja_lepas', label: { id: 'Pekerja lepas', en: 'Freelancer' } },
          { value: 'pekerja_rumahan', label: { id: 'Pekerja rumahan', en: 'Home worker' } },
        ],
      },
      { name: 'ya_tidak', choices: [{ value: 'ya', label: { id: 'Ya', en: 'Yes' } }, { value: 'tidak', label: { id: 'Tidak', en: 'No' } }] },
      {
        name: 'alasan',
        choices: [
          { value: 'tidak_tahu_manfaat', label: { id: 'Tidak tahu manfaatnya', en: 'Does not know the benefits' } },
          { value: 'tidak_mampu_iuran', label: { id: 'Tidak mampu membayar iuran', en: 'Cannot afford the contribution' } },
          { value: 'administrasi', label: { id: 'Alasan administrasi', en: 'Administrative reasons' } },
          { value: 'lainnya', label: { id: 'Lainnya', en: 'Other' } },
        ],
      },
      {
        name: 'program',
        choices: ['JKK', 'JKM', 'JHT', 'JKP'].map((p) => ({ value: p, label: { id: p, en: p } })),
      },
      { name: 'likert', choices: LIKERT.map(([id, en], i) => ({ value: String(i + 1), label: { id, en } })) },
    ],
  };
}

/** A small deterministic PRNG (mulberry32) so the fixture never changes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SurveyRecord = Record<string, string | number | null>;

/** The 300 records of the fixture, keyed by question name (Likert answers as numbers 1-5). */
export function surveyRecords(): SurveyRecord[] {
  const rand = prng(2024);
  const records: SurveyRecord[] = [];
  const reasons: string[] = [];
  for (const [code, n] of Object.entries(REASON_COUNTS)) for (let i = 0; i < n; i++) reasons.push(code);
  let reasonAt = 0;
  const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
  JOBS.forEach((job, j) => {
    for (let i = 0; i < 60; i++) {
      const participant = i < PARTICIPANTS_BY_JOB[job];
      const latent = (participant ? 3.45 : 2.6) + (rand() - 0.5) * 1.6;
      const item = (shift: number) => clamp(latent + shift + (rand() - 0.5) * 1.5);
      const r: SurveyRecord = {
        kota: CITIES[(i + j) % 5]!,
        jenis_pekerjaan: job,
        peserta_aktif: participant ? 'ya' : 'tidak',
        alasan_tidak_ikut: participant ? null : reasons[(reasonAt++ * 13) % 231]!,
        program_diketahui: ['JKK JKM', 'JKK', 'JKK JKM JHT', null, 'JHT'][(i * 3 + j) % 5]!,
        pendapatan: 1500 + ((i * 37 + j * 101) % 40) * 75,
        akses1: item(0.1),
        akses2: item(-0.2),
        akses3: item(0.2),
        pemahaman1: item(-0.1),
        pemahaman2: item(-0.3),
        pemahaman3: 6 - item(-0.2),
        manfaat1: item(0.3),
        manfaat2: item(0.2),
        manfaat3: item(-0.1),
      };
      records.push(r);
    }
  });
  return records;
}

/** Writes the questionnaire and the 300 complete responses into an open project (one transaction). */
export function seedSurvey(db: Database.Database, records: SurveyRecord[] = surveyRecords()): void {
  saveQuestionnaire(db, surveyQuestionnaire());
  db.transaction(() => {
    records.forEach((rec, i) => {
      const id = createResponse(db, { respondentCode: `R${String(i + 1).padStart(3, '0')}`, enumerator: `enum${(i % 6) + 1}`, location: String(rec.kota ?? '') });
      for (const [name, value] of Object.entries(rec)) if (value !== null) setAnswer(db, id, name, value, { actor: 'fixture' });
      setResponseHeader(db, id, { status: 'complete' }, { actor: 'fixture' });
    });
  })();
}
