/**
 * The sample study: SYNTHETIC data, constructed to match every aggregate the article publishes
 * (the microdata behind it are not public). `buildSampleStudy(path)` writes a ready .kajian
 * project: the questionnaire (./questionnaire), 300 complete responses, Table 2 and the printed
 * 2025-2030 projection as series, and saved analyses (summary, frequencies, crosstabs, the
 * index, a linear and a logistic regression).
 *
 * Determinism: one seeded PRNG (mulberry32, seed SAMPLE_SEED) draws every random number in a
 * fixed order, so the respondents, their order, answers, dates and times are the same on every
 * run. Record ids are UUIDs (db/ids newId) and the write times of series and saved analyses are
 * the build time, so two builds are not byte-identical files: they hold identical data and give
 * identical analyses (the test compares the analyses' JSON outputs). Each response's
 * created_at/updated_at/completed_at is set to its synthetic interview time, which fixes the
 * order of loadRows (created_at, id). Answers are stored as data entry stores them
 * (analysis/entry/parse-answer: Likert as numbers, select_multiple in list order), and every
 * response passes the entry form's checks (relevance, required, constraints, calculations).
 *
 * Exact counts are set by assignment, not left to chance:
 * - job types and cities are quotas, shuffled over the 300 respondents;
 * - within each job type, the `participants` respondents with the highest participation
 *   propensity (financial literacy, income, city, noise) are the active participants: 69 in all
 *   (23.0%); UMKM 27/66 (40.9%) against buruh harian 8/63 (12.7%) and pekerja lepas 7/54 (13.0%);
 * - within each job type, the reasons of the non-participants are quotas: 141 do not know the
 *   benefits (61.0% of 231), 58 cannot afford the contribution (25.1%), 32 give administrative
 *   reasons (13.9%), 0 "other" (the choice stays in the list). The lowest incomes (with noise)
 *   cannot afford it; of the rest, the most literate (with noise) name administration;
 * - the Likert items are drawn from latent scores (literacy, participation, income, the reason
 *   given), then one offset common to all items is chosen on a grid so that the index mean is
 *   as near 2.80 as the integer answers allow. The index mean is (sum of the 2700 item scores,
 *   pemahaman3 reversed) / 2700: exactly SAMPLE_INDEX_MEAN (see the constant).
 */
import { renameSync, rmSync, existsSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { computeCalculations } from '../../analysis/form/expr/form-logic';
import type { AnswerValue } from '../../analysis/form/expr/evaluate';
import { createProject } from '../../db/project';
import { saveQuestionnaire } from '../../db/queries/questionnaire';
import { createResponse } from '../../db/queries/responses';
import { saveAnalysis } from '../../db/queries/saved-analyses';
import { upsertSeriesValues, type SeriesValueInput } from '../../db/queries/series';
import { CITIES, INDEX_ITEMS, JOBS, LITERACY_ITEMS, sampleQuestionnaire, type City, type Job, type Reason } from './questionnaire';
import { sampleSavedAnalyses } from './analyses';

export const SAMPLE_SEED = 20240817;
export const SAMPLE_FILE_NAME = 'studi-contoh-bpjs.kajian';
export const SAMPLE_TITLE = 'Studi contoh: BPJS Ketenagakerjaan dan pekerja informal (data sintetis / synthetic data)';
/** Marker in project_meta: the project holds synthetic sample data. */
export const SAMPLE_META_KEY = 'synthetic_sample';
export const SAMPLE_RESPONDENTS = 300;

/**
 * The exact mean of the effectiveness index in the sample: 7554 / 2700 = 2.79777...
 * (checked by the test; it prints as 2,8 / 2.8 with one decimal, as in the article).
 */
export const SAMPLE_INDEX_SUM = 7554;
export const SAMPLE_INDEX_MEAN = SAMPLE_INDEX_SUM / 2700;

interface JobPlan {
  n: number;
  participants: number;
  reasons: Record<Exclude<Reason, 'lainnya'>, number>;
  /** Median monthly income, million rupiah. */
  income: number;
  female: number;
  variability: number;
}

/** Quotas by job type (see the module comment); totals 300, 69, 141/58/32. */
export const JOB_PLAN: Record<Job, JobPlan> = {
  umkm: { n: 66, participants: 27, reasons: { tidak_tahu_manfaat: 23, tidak_mampu_iuran: 6, administrasi: 10 }, income: 4.0, female: 0.48, variability: -0.3 },
  pedagang_kecil: { n: 72, participants: 19, reasons: { tidak_tahu_manfaat: 33, tidak_mampu_iuran: 12, administrasi: 8 }, income: 2.7, female: 0.58, variability: 0.0 },
  buruh_harian: { n: 63, participants: 8, reasons: { tidak_tahu_manfaat: 32, tidak_mampu_iuran: 19, administrasi: 4 }, income: 2.2, female: 0.22, variability: 0.5 },
  pekerja_lepas: { n: 54, participants: 7, reasons: { tidak_tahu_manfaat: 29, tidak_mampu_iuran: 12, administrasi: 6 }, income: 2.8, female: 0.38, variability: 0.6 },
  pekerja_rumahan: { n: 45, participants: 8, reasons: { tidak_tahu_manfaat: 24, tidak_mampu_iuran: 9, administrasi: 4 }, income: 1.7, female: 0.86, variability: 0.1 },
};

/** Respondents per city, the effect of the city on participation (cooperative agents in Surabaya, "BPJS Masuk Kampung" in Yogyakarta), and its fieldwork start. */
const CITY_PLAN: Record<City, { n: number; effect: number; start: string; code: string }> = {
  surabaya: { n: 60, effect: 0.45, start: '2024-07-01', code: 'SBY' },
  yogyakarta: { n: 60, effect: 0.3, start: '2024-07-22', code: 'YOG' },
  jakarta: { n: 60, effect: 0.05, start: '2024-08-12', code: 'JKT' },
  medan: { n: 60, effect: -0.25, start: '2024-09-02', code: 'MDN' },
  makassar: { n: 60, effect: -0.35, start: '2024-09-23', code: 'MKS' },
};

/** Table 2 of the article (BPJS Ketenagakerjaan 2024) and the printed 2025-2030 projection; the same rows as resources/sample/series.csv. */
export const SERIES_INDICATOR = 'Peserta sektor informal';
export const TABLE_2: readonly { year: number; value: number }[] = [
  { year: 2020, value: 3.2 },
  { year: 2021, value: 4.1 },
  { year: 2022, value: 4.8 },
  { year: 2023, value: 5.5 },
  { year: 2024, value: 6.3 },
];
export const PRINTED_PROJECTION: readonly { year: number; value: number }[] = [
  { year: 2025, value: 7.3 },
  { year: 2026, value: 8.4 },
  { year: 2027, value: 9.7 },
  { year: 2028, value: 11.1 },
  { year: 2029, value: 12.8 },
  { year: 2030, value: 14.6 },
];
const OBSERVED_SOURCE = 'BPJS Ketenagakerjaan 2024';
const PROJECTION_SOURCE = 'Artikel, Tabel proyeksi 2025-2030 (asumsi 15%)';

export function sampleSeries(): SeriesValueInput[] {
  const base = { indicator: SERIES_INDICATOR, sector: 'informal', programme: '', unit: 'juta orang' } as const;
  return [
    ...TABLE_2.map((p) => ({ ...base, ...p, source: OBSERVED_SOURCE, kind: 'observed' as const })),
    ...PRINTED_PROJECTION.map((p) => ({ ...base, ...p, source: PROJECTION_SOURCE, kind: 'published_projection' as const })),
  ];
}

/** mulberry32: a small 32-bit PRNG with a fixed seed (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(): number {
    return this.next();
  }
  /** Standard normal (Box-Muller, one value per call). */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  }
}

type Dimension = keyof typeof INDEX_ITEMS;
const DIMENSIONS: readonly Dimension[] = ['akses', 'pemahaman', 'manfaat'];

/** One synthetic respondent before it is written: latent traits, random draws, then answers. */
interface Person {
  job: Job;
  city: City;
  female: boolean;
  age: number;
  income: number;
  zIncome: number;
  literacy: number;
  variability: 'stabil' | 'berubah' | 'sangat_berubah';
  propensity: number;
  affordNoise: number;
  adminNoise: number;
  programDraws: [number, number];
  dimNoise: Record<Dimension, number>;
  itemNoise: number[];
  literacyNoise: number[];
  willingNoise: number;
  participant: boolean;
  reason: Exclude<Reason, 'lainnya'> | null;
}

const likertOf = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));

function drawPeople(rng: Random): Person[] {
  const jobs = rng.shuffle(JOBS.flatMap((j) => Array<Job>(JOB_PLAN[j].n).fill(j)));
  const cities = rng.shuffle(CITIES.flatMap((c) => Array<City>(CITY_PLAN[c].n).fill(c)));
  const people: Person[] = jobs.map((job, i) => {
    const plan = JOB_PLAN[job];
    const city = cities[i]!;
    const female = rng.uniform() < plan.female;
    const age = Math.min(64, Math.max(18, Math.round(38 + (job === 'umkm' ? 3 : 0) + 10 * rng.normal())));
    const zIncome = rng.normal();
    const income = Math.round(Math.exp(Math.log(plan.income) + 0.38 * zIncome) * 20) / 20;
    const literacy = 0.45 * zIncome + (job === 'umkm' ? 0.25 : job === 'buruh_harian' ? -0.15 : 0) - 0.012 * (age - 40) + 0.85 * rng.normal();
    const v = plan.variability + 0.8 * rng.normal();
    const variability = v < -0.4 ? 'stabil' : v < 0.6 ? 'berubah' : 'sangat_berubah';
    const propensity = 0.9 * literacy + 0.55 * zIncome + CITY_PLAN[city].effect + 0.9 * rng.normal();
    const affordNoise = rng.normal();
    const adminNoise = rng.normal();
    const programDraws: [number, number] = [rng.uniform(), rng.uniform()];
    const dimNoise = { akses: rng.normal(), pemahaman: rng.normal(), manfaat: rng.normal() };
    const itemNoise = Array.from({ length: 9 }, () => rng.normal());
    const literacyNoise = Array.from({ length: 4 }, () => rng.normal());
    const willingNoise = rng.normal();
    return {
      job, city, female, age, income, zIncome, literacy, variability, propensity, affordNoise, adminNoise,
      programDraws, dimNoise, itemNoise, literacyNoise, willingNoise, participant: false, reason: null,
    };
  });

  // Participation and reasons by quota within each job type (ties broken by position: deterministic).
  const byScore = (xs: number[], score: (p: Person) => number) => [...xs].sort((a, b) => score(people[b]!) - score(people[a]!) || a - b);
  for (const job of JOBS) {
    const plan = JOB_PLAN[job];
    const members = people.map((p, i) => (p.job === job ? i : -1)).filter((i) => i >= 0);
    const ranked = byScore(members, (p) => p.propensity);
    ranked.slice(0, plan.participants).forEach((i) => (people[i]!.participant = true));
    const others = ranked.slice(plan.participants);
    const poor = byScore(others, (p) => -p.zIncome + 0.6 * p.affordNoise);
    const cannotAfford = new Set(poor.slice(0, plan.reasons.tidak_mampu_iuran));
    const rest = others.filter((i) => !cannotAfford.has(i));
    const admin = new Set(byScore(rest, (p) => p.literacy + 0.7 * p.adminNoise).slice(0, plan.reasons.administrasi));
    for (const i of others) people[i]!.reason = cannotAfford.has(i) ? 'tidak_mampu_iuran' : admin.has(i) ? 'administrasi' : 'tidak_tahu_manfaat';
  }
  return people;
}

const DIMENSION_BASE: Record<Dimension, number> = { akses: 0, pemahaman: -0.25, manfaat: 0.2 };
const REASON_EFFECT: Record<Exclude<Reason, 'lainnya'>, Partial<Record<Dimension, number>>> = {
  tidak_tahu_manfaat: { pemahaman: -0.35, manfaat: -0.25 },
  administrasi: { akses: -0.45 },
  tidak_mampu_iuran: { manfaat: -0.1 },
};

/** The intended (not reversed) item scores of one person for a common offset. */
function itemScores(p: Person, offset: number): Record<Dimension, number[]> {
  const out = {} as Record<Dimension, number[]>;
  DIMENSIONS.forEach((d, di) => {
    const latent =
      offset + DIMENSION_BASE[d] + 0.35 * p.literacy + (p.participant ? 0.55 : 0) + 0.12 * p.zIncome + (p.reason ? (REASON_EFFECT[p.reason][d] ?? 0) : 0) + 0.6 * p.dimNoise[d];
    out[d] = [0, 1, 2].map((k) => likertOf(3 + latent + 0.65 * p.itemNoise[di * 3 + k]!));
  });
  return out;
}

function indexSum(people: readonly Person[], offset: number): number {
  let s = 0;
  for (const p of people) for (const xs of Object.values(itemScores(p, offset))) for (const x of xs) s += x;
  return s;
}

/** The common offset of the Likert items: the first on a 0.005 grid whose index mean is nearest 2.80. */
function calibrate(people: readonly Person[]): number {
  const target = 2.8 * 2700;
  let best = 0;
  let bestGap = Infinity;
  for (let k = -300; k <= 200; k++) {
    const offset = k * 0.005;
    const gap = Math.abs(indexSum(people, offset) - target);
    if (gap < bestGap) {
      bestGap = gap;
      best = offset;
    }
  }
  return best;
}

export interface SampleRespondent {
  code: string;
  enumerator: string;
  location: string;
  interviewDate: string;
  /** Interview time (ISO, UTC), used as the response's created/updated/completed time. */
  at: string;
  answers: Record<string, AnswerValue>;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The 300 synthetic respondents in interview order, with every answer (calculations included). Pure and deterministic. */
export function sampleRespondents(): SampleRespondent[] {
  const rng = new Random(SAMPLE_SEED);
  const people = drawPeople(rng);
  const offset = calibrate(people);
  const q = sampleQuestionnaire();
  const cityLabel = new Map(q.choiceLists.find((l) => l.name === 'kota')!.choices.map((c) => [c.value, c.label.id]));

  // Fieldwork: each city in its own three weeks, four interviews a day, two enumerators.
  const scheduled = people.map((p, i) => ({ p, i, at: '', date: '', enumerator: '' }));
  for (const city of CITIES) {
    const plan = CITY_PLAN[city];
    scheduled
      .filter((s) => s.p.city === city)
      .forEach((s, k) => {
        s.date = addDays(plan.start, Math.floor(k / 4) + 2 * Math.floor(k / 20));
        s.at = `${s.date}T${String(2 + 2 * (k % 4)).padStart(2, '0')}:00:00.000Z`;
        s.enumerator = `${plan.code}-${(k % 2) + 1}`;
      });
  }
  scheduled.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i));

  return scheduled.map((s, n) => {
    const p = s.p;
    const code = `R${String(n + 1).padStart(3, '0')}`;
    const scores = itemScores(p, offset);
    const answers: Record<string, AnswerValue> = {
      nama_responden: `Responden ${String(n + 1).padStart(3, '0')}`,
      telepon: `0800-0000-${String(n + 1).padStart(4, '0')}`,
      kota: p.city,
      jenis_kelamin: p.female ? 'perempuan' : 'laki_laki',
      umur: p.age,
      jenis_pekerjaan: p.job,
      pendapatan: p.income,
      variabilitas_pendapatan: p.variability,
      peserta_aktif: p.participant ? 'ya' : 'tidak',
      program: null,
      alasan_tidak_ikut: p.reason,
    };
    if (p.participant) {
      const l = p.literacy;
      const jht = p.programDraws[0] < 0.2 + 0.15 * l + (p.job === 'umkm' ? 0.15 : 0);
      const jkp = p.programDraws[1] < 0.04;
      answers.program = ['jkk', 'jkm', ...(jht ? ['jht'] : []), ...(jkp ? ['jkp'] : [])].join(' ');
    }
    for (const d of DIMENSIONS) {
      INDEX_ITEMS[d].forEach((item, k) => {
        const x = scores[d][k]!;
        answers[item] = item === 'pemahaman3' ? 6 - x : x;
      });
    }
    LITERACY_ITEMS.forEach((item, k) => (answers[item] = likertOf(2.75 + 0.9 * p.literacy + 0.6 * p.literacyNoise[k]!)));
    const w = 0.5 + 0.35 * p.literacy + (p.reason === 'tidak_mampu_iuran' ? 0.6 : 0) + (p.variability === 'sangat_berubah' ? 0.3 : 0) - (p.participant ? 0.2 : 0) + 0.9 * p.willingNoise;
    answers.bersedia_iuran_fleksibel = w > 0.2 ? 'ya' : w > -0.6 ? 'ragu' : 'tidak';
    const computed = computeCalculations(q, answers);
    answers.skor_literasi = computed.get('skor_literasi') ?? null;
    answers.indeks_efektivitas = computed.get('indeks_efektivitas') ?? null;
    return { code, enumerator: s.enumerator, location: cityLabel.get(p.city)!, interviewDate: s.date, at: s.at, answers };
  });
}

/**
 * Writes the sample study to `path` (a new file; refused when something exists there). The
 * file is built beside it under a temporary name and renamed when complete, so a failed build
 * leaves nothing behind. Returns the path.
 */
export function buildSampleStudy(path: string): string {
  if (existsSync(path)) throw new Error(`A file already exists at ${path}`);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.building`);
  rmSync(tmp, { force: true });
  const project = createProject(tmp, { title: SAMPLE_TITLE, language: 'id' });
  try {
    const db = project.db;
    db.transaction(() => {
      db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?)').run(SAMPLE_META_KEY, `seed ${SAMPLE_SEED}`);
      const stored = saveQuestionnaire(db, sampleQuestionnaire());
      // Answers are inserted with one prepared statement (setAnswer re-reads the questionnaire on
      // every call: 7,800 answers took ~10 s that way); the rows are the ones setAnswer writes on a
      // draft response (no audit entry before completion).
      const put = db.prepare('INSERT INTO answers (response_seq, question_seq, value) VALUES ((SELECT seq FROM responses WHERE id = ?), ?, ?)');
      const stamp = db.prepare("UPDATE responses SET status = 'complete', created_at = ?, updated_at = ?, completed_at = ? WHERE id = ?");
      for (const r of sampleRespondents()) {
        const id = createResponse(db, { respondentCode: r.code, enumerator: r.enumerator, location: r.location, interviewDate: r.interviewDate, source: 'sample' });
        for (const [name, value] of Object.entries(r.answers)) {
          const qseq = stored.questionSeqs.get(name);
          if (qseq === undefined) throw new Error(`The sample answers name an unknown question "${name}"`);
          if (value !== null) put.run(id, qseq, value);
        }
        stamp.run(r.at, r.at, r.at, id);
      }
      upsertSeriesValues(db, sampleSeries());
      for (const a of sampleSavedAnalyses()) saveAnalysis(db, a);
    })();
  } catch (e) {
    project.close();
    rmSync(tmp, { force: true });
    throw e;
  }
  project.close();
  for (const side of ['-wal', '-shm']) rmSync(tmp + side, { force: true });
  renameSync(tmp, path);
  return path;
}
