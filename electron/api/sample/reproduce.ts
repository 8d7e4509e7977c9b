import type Database from 'better-sqlite3';
import { formatNumber, type Locale } from '../../../analysis/format';
import { cagr, compareWithPrinted, growth, meanGrowth, oneStepFromPrinted, projectConstantRate, roundHalfAway, type YearValue } from '../../../analysis/series';
import { ResponseError } from '../../../db/queries/responses';
import { seriesOf } from '../../../db/queries/series';
import { PRINTED_PROJECTION, SAMPLE_META_KEY, SERIES_INDICATOR, TABLE_2 } from '../../../resources/sample/generate';
import { projectDataset, runCrosstab, runSummary, type Dataset } from '../analysis/service';

/**
 * "Reproduce the article": each figure the article prints beside the value Kajian computes from
 * the open project, with the same functions the analysis screens use (projectDataset, runSummary,
 * runCrosstab from ../analysis/service; growth, compareWithPrinted, projectConstantRate from
 * analysis/series). A figure is `reproduced` when Kajian's value, rounded as the article rounds
 * it (half away from zero, roundHalfAway), equals the printed one; otherwise `differs`, with the
 * reason; `unavailable` when the project lacks the data. Nothing is tuned towards the print.
 */

export interface Bilingual {
  id: string;
  en: string;
}

export type QuantityUnit = 'percent' | 'million' | 'score';

/** A number with the decimals to show it with; `year` for series figures. */
export interface Quantity {
  value: number;
  decimals: number;
  unit: QuantityUnit;
  year?: number;
}

export type FigureStatus = 'reproduced' | 'differs' | 'unavailable';

export interface ReproducedFigure {
  id: string;
  section: 'survey' | 'table2' | 'projection';
  label: Bilingual;
  /** The printed figure(s) (empty when the article states the finding in words only). */
  printed: Quantity[];
  /** The article's words for a finding without a number, else null. */
  printedText: Bilingual | null;
  /** Kajian's value(s), unrounded. */
  computed: Quantity[];
  status: FigureStatus;
  /** How it was computed and, when it differs, why. */
  explanation: Bilingual;
}

export interface ReproduceReport {
  /** The project is the synthetic sample study (marked in project_meta). */
  synthetic: boolean;
  figures: ReproducedFigure[];
  counts: Record<FigureStatus, number>;
}

const LOCALES: readonly Locale[] = ['id', 'en'];

/** A text in both languages from one template; `n(x, d)` formats a number in that language. */
function bi(make: (n: (x: number, d: number) => string, lang: Locale) => string): Bilingual {
  const [id, en] = LOCALES.map((lang) => make((x, d) => formatNumber(x, lang, d), lang));
  return { id: id!, en: en! };
}

const pct = (value: number, decimals: number, year?: number): Quantity => ({ value, decimals, unit: 'percent', ...(year === undefined ? {} : { year }) });
const mio = (value: number, decimals: number, year: number): Quantity => ({ value, decimals, unit: 'million', year });

function unavailable(id: string, section: ReproducedFigure['section'], label: Bilingual, printed: Quantity[], printedText: Bilingual | null, why: Bilingual): ReproducedFigure {
  return { id, section, label, printed, printedText, computed: [], status: 'unavailable', explanation: why };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const PRINTED_REASONS = [
  { code: 'tidak_tahu_manfaat', printed: 61, label: { id: 'Tidak mengetahui manfaat program', en: 'Do not know the benefits' } },
  { code: 'tidak_mampu_iuran', printed: 25, label: { id: 'Tidak mampu membayar iuran', en: 'Cannot afford the contribution' } },
  { code: 'administrasi', printed: 14, label: { id: 'Alasan administratif (sisanya, ±14%)', en: 'Administrative reasons (the rest, about 14%)' } },
] as const;

function surveyFigures(ds: Dataset | null, noData: Bilingual | null): ReproducedFigure[] {
  const out: ReproducedFigure[] = [];
  const participationLabel = { id: 'Peserta aktif BPJS Ketenagakerjaan', en: 'Active BPJS Ketenagakerjaan members' };
  const gapLabel = { id: 'Kepesertaan UMKM dibanding buruh harian dan pekerja lepas', en: 'Participation of UMKM owners against daily labourers and freelancers' };
  const gapText = { id: 'UMKM lebih cenderung menjadi peserta dibandingkan buruh harian atau pekerja lepas', en: 'UMKM owners are more likely to participate than daily labourers or freelancers' };
  const indexLabel = { id: 'Indeks efektivitas (akses, pemahaman, manfaat)', en: 'Effectiveness index (access, understanding, benefit)' };

  let summary: ReturnType<typeof runSummary>['summary'] | null = null;
  let summaryError: Bilingual | null = noData;
  if (ds && !noData) {
    try {
      summary = runSummary(ds, { participation: { variable: 'peserta_aktif', yes: 'ya' }, reason: { variable: 'alasan_tidak_ikut' } }, 'id').summary;
    } catch (e) {
      summaryError = bi(() => errorText(e));
    }
  }

  // 23% active participants.
  if (summary) {
    const s = summary;
    const ok = roundHalfAway(s.participationRate, 0) === 23;
    out.push({
      id: 'participation',
      section: 'survey',
      label: participationLabel,
      printed: [pct(23, 0)],
      printedText: null,
      computed: [pct(s.participationRate, 1)],
      status: ok ? 'reproduced' : 'differs',
      explanation: bi((n, l) =>
        l === 'id'
          ? `${s.participants} dari ${s.answered} responden menjawab "ya" pada peserta_aktif: ${n(s.participationRate, 1)}% (IK 95% Wilson ${n(s.participationCI[0], 1)}–${n(s.participationCI[1], 1)}%).`
          : `${s.participants} of ${s.answered} respondents answered "ya" to peserta_aktif: ${n(s.participationRate, 1)}% (95% Wilson CI ${n(s.participationCI[0], 1)}–${n(s.participationCI[1], 1)}%).`,
      ),
    });
  } else out.push(unavailable('participation', 'survey', participationLabel, [pct(23, 0)], null, summaryError!));

  // 61 / 25 / 14% of the non-participants.
  for (const r of PRINTED_REASONS) {
    const id = `reason.${r.code}`;
    const row = summary?.reasons.find((x) => x.code === r.code);
    if (!summary || !row) {
      out.push(unavailable(id, 'survey', r.label, [pct(r.printed, 0)], null, summaryError ?? bi((_, l) => (l === 'id' ? `Tidak ada jawaban "${r.code}" pada alasan_tidak_ikut.` : `No answer "${r.code}" in alasan_tidak_ikut.`))));
      continue;
    }
    const base = summary.reasonsBase;
    out.push({
      id,
      section: 'survey',
      label: r.label,
      printed: [pct(r.printed, 0)],
      printedText: null,
      computed: [pct(row.percent, 1)],
      status: roundHalfAway(row.percent, 0) === r.printed ? 'reproduced' : 'differs',
      explanation: bi((n, l) =>
        l === 'id'
          ? `${row.n} dari ${base} responden yang belum terdaftar (persen valid alasan_tidak_ikut): ${n(row.percent, 1)}%.`
          : `${row.n} of the ${base} respondents not registered (valid percent of alasan_tidak_ikut): ${n(row.percent, 1)}%.`,
      ),
    });
  }

  // The UMKM gap.
  try {
    if (!ds || noData) throw new Error(noData?.en ?? '');
    const ct = runCrosstab(ds, { row: 'jenis_pekerjaan', col: 'peserta_aktif' }, 'id').table;
    const yes = ct.colValues.findIndex((v) => String(v) === 'ya');
    const rate = (code: string): number => {
      const i = ct.rowValues.findIndex((v) => String(v) === code);
      if (i < 0 || yes < 0) throw new Error(`jenis_pekerjaan has no "${code}" respondents or peserta_aktif no "ya"`);
      return ct.rowPercent[i]![yes]!;
    };
    const [umkm, buruh, lepas] = [rate('umkm'), rate('buruh_harian'), rate('pekerja_lepas')];
    const ok = umkm > buruh && umkm > lepas;
    const chi = ct.chiSquare ?? NaN;
    const chiP = ct.p ?? NaN;
    out.push({
      id: 'umkm-gap',
      section: 'survey',
      label: gapLabel,
      printed: [],
      printedText: gapText,
      computed: [pct(umkm, 1), pct(buruh, 1), pct(lepas, 1)],
      status: ok ? 'reproduced' : 'differs',
      explanation: bi((n, l) =>
        l === 'id'
          ? `Persen baris peserta aktif: UMKM ${n(umkm, 1)}%, buruh harian ${n(buruh, 1)}%, pekerja lepas ${n(lepas, 1)}% (tabulasi silang jenis_pekerjaan × peserta_aktif; khi-kuadrat(${ct.df}) = ${n(chi, 2)}, p ${chiP < 0.001 ? `< ${n(0.001, 3)}` : `= ${n(chiP, 3)}`}).`
          : `Row percent of active members: UMKM ${n(umkm, 1)}%, daily labourers ${n(buruh, 1)}%, freelancers ${n(lepas, 1)}% (crosstab jenis_pekerjaan × peserta_aktif; chi-square(${ct.df}) = ${n(chi, 2)}, p ${chiP < 0.001 ? `< ${n(0.001, 3)}` : `= ${n(chiP, 3)}`}).`,
      ),
    });
  } catch (e) {
    out.push(unavailable('umkm-gap', 'survey', gapLabel, [], gapText, noData ?? bi(() => errorText(e))));
  }

  // The index, 2.8.
  const overall = summary?.index.overall;
  if (summary && overall && overall.mean !== null) {
    const mean = overall.mean;
    const dims = summary.index.dimensions;
    out.push({
      id: 'index',
      section: 'survey',
      label: indexLabel,
      printed: [{ value: 2.8, decimals: 1, unit: 'score' }],
      printedText: null,
      computed: [{ value: mean, decimals: 3, unit: 'score' }],
      status: roundHalfAway(mean, 1) === 2.8 ? 'reproduced' : 'differs',
      explanation: bi((n, l) => {
        const parts = dims.map((d) => `${d.name} ${d.mean === null ? '–' : n(d.mean, 2)}`).join(', ');
        return l === 'id'
          ? `Rata-rata tertimbang (bobot sama) rata-rata dimensi, skala 1–5, n = ${overall.n}: ${n(mean, 4)} (${parts}); dibulatkan ${n(roundHalfAway(mean, 1), 1)}.`
          : `Equally weighted mean of the dimension means, scale 1–5, n = ${overall.n}: ${n(mean, 4)} (${parts}); rounded ${n(roundHalfAway(mean, 1), 1)}.`;
      }),
    });
  } else out.push(unavailable('index', 'survey', indexLabel, [{ value: 2.8, decimals: 1, unit: 'score' }], null, summaryError ?? bi((_, l) => (l === 'id' ? 'Indeks tidak dapat dihitung.' : 'The index cannot be computed.'))));
  return out;
}

const TABLE_2_GROWTH: Record<number, number> = { 2021: 28.13, 2022: 17.07, 2023: 14.58, 2024: 14.55 };
const PRINTED_INCREASE: Record<number, number> = { 2025: 15.87, 2026: 15.07, 2027: 15.48, 2028: 14.43, 2029: 15.32, 2030: 14.06 };
const INCREASE_LABEL: Bilingual = { id: 'Kolom "kenaikan tahunan" proyeksi 2025–2030', en: 'The projection\'s "annual increase" column 2025–2030' };

function findSeries(db: Database.Database, kind: 'observed' | 'published_projection'): YearValue[] {
  return seriesOf(db, SERIES_INDICATOR, 'informal', '', kind).map((v) => ({ year: v.year, value: v.value }));
}

function seriesFigures(db: Database.Database): ReproducedFigure[] {
  const out: ReproducedFigure[] = [];
  const observed = findSeries(db, 'observed');
  const printedProjection = findSeries(db, 'published_projection');
  const missing = (what: string): Bilingual =>
    bi((_, l) => (l === 'id' ? `Proyek ini tidak memuat deret "${SERIES_INDICATOR}" (sektor informal, ${what}).` : `This project holds no series "${SERIES_INDICATOR}" (informal sector, ${what}).`));

  // Table 2: annual growth.
  const growthLabel = (year: number): Bilingual => ({ id: `Pertumbuhan peserta informal ${year} (Tabel 2)`, en: `Growth of informal members ${year} (Table 2)` });
  let rows: ReturnType<typeof growth> = [];
  let growthError: Bilingual | null = null;
  try {
    rows = observed.length >= 2 ? growth(observed) : [];
    if (rows.length === 0) growthError = missing('observed 2020–2024');
  } catch (e) {
    growthError = bi(() => errorText(e));
  }
  for (const [y, printed] of Object.entries(TABLE_2_GROWTH)) {
    const year = Number(y);
    const r = rows.find((x) => x.year === year);
    if (!r) {
      out.push(unavailable(`growth.${year}`, 'table2', growthLabel(year), [pct(printed, 2, year)], null, growthError ?? missing(`${year}`)));
      continue;
    }
    const cmp = compareWithPrinted([{ year, value: printed }], { kajian: [{ year, value: r.percent }] }, 2);
    out.push({
      id: `growth.${year}`,
      section: 'table2',
      label: growthLabel(year),
      printed: [pct(printed, 2, year)],
      printedText: null,
      computed: [pct(r.percent, 3, year)],
      status: cmp.rows[0]!.methods.kajian!.reproduces ? 'reproduced' : 'differs',
      explanation: bi((n, l) =>
        l === 'id'
          ? `100 × (${n(r.value, 1)} − ${n(r.previousValue, 1)}) / ${n(r.previousValue, 1)} = ${n(r.percent, 3)}%.`
          : `100 × (${n(r.value, 1)} − ${n(r.previousValue, 1)}) / ${n(r.previousValue, 1)} = ${n(r.percent, 3)}%.`,
      ),
    });
  }

  // The "average growth of 15%" the projection says it assumes.
  const avgLabel = { id: 'Rata-rata pertumbuhan tahunan 2020–2024 ("15%")', en: 'Average annual growth 2020–2024 ("15%")' };
  if (rows.length >= 2) {
    const mg = meanGrowth(observed);
    const cg = cagr(observed);
    const printedIncrease = Object.values(PRINTED_INCREASE);
    const meanIncrease = printedIncrease.reduce((a, b) => a + b, 0) / printedIncrease.length;
    out.push({
      id: 'average-growth',
      section: 'projection',
      label: avgLabel,
      printed: [pct(15, 0)],
      printedText: null,
      computed: [pct(mg, 2), pct(cg, 2)],
      status: roundHalfAway(mg, 0) === 15 || roundHalfAway(cg, 0) === 15 ? 'reproduced' : 'differs',
      explanation: bi((n, l) =>
        l === 'id'
          ? `Dari Tabel 2, rata-rata pertumbuhan 2021–2024 adalah ${n(mg, 2)}% dan CAGR 2020–2024 ${n(cg, 2)}%, bukan 15%. Angka 15% cocok dengan rata-rata kolom "kenaikan tahunan" proyeksi tercetak (${n(meanIncrease, 2)}%).`
          : `From Table 2 the mean growth 2021–2024 is ${n(mg, 2)}% and the CAGR 2020–2024 ${n(cg, 2)}%, not 15%. The 15% matches the mean of the printed projection's "annual increase" column (${n(meanIncrease, 2)}%).`,
      ),
    });
  } else out.push(unavailable('average-growth', 'projection', avgLabel, [pct(15, 0)], null, growthError ?? missing('observed')));

  // The printed projection 2025-2030 against 15% a year from the last observation.
  const last = observed[observed.length - 1];
  const projLabel = (year: number): Bilingual => ({ id: `Proyeksi peserta ${year} (juta)`, en: `Projected members ${year} (million)` });
  const printedYears = printedProjection.length > 0 ? printedProjection : [];
  if (!last || printedYears.length === 0) {
    const why = missing(last ? 'published projection' : 'observed');
    for (const p of PRINTED_PROJECTION) out.push(unavailable(`projection.${p.year}`, 'projection', projLabel(p.year), [mio(p.value, 1, p.year)], null, why));
    out.push(unavailable('projection.increase', 'projection', INCREASE_LABEL, Object.entries(PRINTED_INCREASE).map(([y, v]) => pct(v, 2, Number(y))), null, why));
  } else {
    const to = printedYears[printedYears.length - 1]!.year;
    const constant = projectConstantRate(last, 15, to);
    const chained = oneStepFromPrinted(last, printedYears, 15);
    const cmp = compareWithPrinted(printedYears, { constant, chained }, 1);
    const firstDiffering = cmp.methods.constant!.differingYears[0];
    for (const row of cmp.rows) {
      const c = row.methods.constant!;
      const ch = row.methods.chained!;
      const value = c.value ?? NaN;
      out.push({
        id: `projection.${row.year}`,
        section: 'projection',
        label: projLabel(row.year),
        printed: [mio(row.printed, 1, row.year)],
        printedText: null,
        computed: [mio(value, 3, row.year)],
        status: c.reproduces ? 'reproduced' : 'differs',
        explanation: bi((n, l) => {
          const h = row.year - last.year;
          const head =
            l === 'id'
              ? `15% per tahun dari ${n(last.value, 1)} (${last.year}): ${n(last.value, 1)} × 1,15^${h} = ${n(value, 3)}, tercetak ${n(roundHalfAway(value, 1), 1)}`
              : `15% a year from ${n(last.value, 1)} (${last.year}): ${n(last.value, 1)} × 1.15^${h} = ${n(value, 3)}, printing as ${n(roundHalfAway(value, 1), 1)}`;
          if (c.reproduces) return l === 'id' ? `${head}: sama dengan angka artikel.` : `${head}: the article's figure.`;
          const chainedText =
            ch.value === null
              ? ''
              : l === 'id'
                ? ` 15% dari angka tercetak tahun sebelumnya memberi ${n(ch.value, 3)} (${ch.reproduces ? 'cocok' : 'juga tidak cocok'}).`
                : ` 15% of the previous printed figure gives ${n(ch.value, 3)} (${ch.reproduces ? 'a match' : 'no match either'}).`;
          // The general finding once, on the first differing year.
          const general =
            row.year !== firstDiffering
              ? ''
              : l === 'id'
                ? ' Tidak ada satu metode (15% majemuk, 15% dari angka tercetak, pembulatan berantai, CAGR, rata-rata pertumbuhan, tren) yang menghasilkan seluruh kolom; Kajian melaporkan perhitungan 15% dan menandai selisihnya.'
                : ' No single method (15% compounded, 15% of the printed figures, chained rounding, CAGR, mean growth, trends) gives the whole column; Kajian reports the 15% computation and marks the difference.';
          return l === 'id'
            ? `${head}; artikel mencetak ${n(row.printed, 1)} (selisih ${n(row.printed - value, 3)}).${chainedText}${general}`
            : `${head}; the article prints ${n(row.printed, 1)} (difference ${n(row.printed - value, 3)}).${chainedText}${general}`;
        }),
      });
    }

    // The printed "annual increase" column: growth of the printed figures themselves.
    const chain: YearValue[] = [last, ...printedYears];
    const incRows = growth(chain);
    const printedInc = incRows.map((r) => ({ year: r.year, value: PRINTED_INCREASE[r.year] ?? NaN })).filter((r) => Number.isFinite(r.value));
    const incCmp = compareWithPrinted(printedInc, { kajian: incRows.map((r) => ({ year: r.year, value: r.percent })) }, 2);
    out.push({
      id: 'projection.increase',
      section: 'projection',
      label: INCREASE_LABEL,
      printed: printedInc.map((r) => pct(r.value, 2, r.year)),
      printedText: null,
      computed: incRows.map((r) => pct(r.percent, 2, r.year)),
      status: incCmp.methods.kajian!.reproducesAll ? 'reproduced' : 'differs',
      explanation: bi((_, l) =>
        l === 'id'
          ? 'Pertumbuhan dari angka proyeksi tercetak itu sendiri (6,3 → 7,3 → 8,4 → …), bukan laju yang dipakai untuk membuatnya.'
          : 'The growth of the printed projected figures themselves (6.3 → 7.3 → 8.4 → …), not a rate used to make them.',
      ),
    });
  }
  return out;
}

/** The reproduction report of the open project (see the module comment). */
export function reproduceArticle(db: Database.Database, source = ''): ReproduceReport {
  const synthetic = db.prepare('SELECT 1 FROM project_meta WHERE key = ?').get(SAMPLE_META_KEY) !== undefined;
  let ds: Dataset | null = null;
  let noData: Bilingual | null = null;
  try {
    ds = projectDataset(db, source);
    if (ds.rows.length === 0) noData = { id: 'Proyek ini belum memiliki respons lengkap.', en: 'This project has no complete responses yet.' };
  } catch (e) {
    noData =
      e instanceof ResponseError && e.code === 'NO_QUESTIONNAIRE'
        ? { id: 'Proyek ini belum memiliki kuesioner.', en: 'This project has no questionnaire yet.' }
        : bi((_, l) => (l === 'id' ? `Data survei tidak tersedia: ${errorText(e)}` : `No survey data: ${errorText(e)}`));
  }
  const figures = [...surveyFigures(ds, noData), ...seriesFigures(db)];
  const counts: Record<FigureStatus, number> = { reproduced: 0, differs: 0, unavailable: 0 };
  for (const f of figures) counts[f.status] += 1;
  return { synthetic, figures, counts };
}

/** The figures of Table 2 and the projection as printed (for tests and the README). */
export const ARTICLE_SERIES = { table2: TABLE_2, projection: PRINTED_PROJECTION } as const;
