/**
 * The questionnaire of the sample study (synthetic data): a survey of informal-sector workers
 * about BPJS Ketenagakerjaan, in Bahasa Indonesia and English, after the article in
 * /work/shared/seed. Variable names are fixed: other parts of Kajian and their tests rely on them.
 */
import { blankQuestion, type ChoiceList, type Question, type Questionnaire, type Text } from '../../analysis/form/types';

const t = (id: string, en: string): Text => ({ id, en });

/** A question whose label defaults to its name (the sample's questions all override it). */
function question(name: string, type: Question['type'], over: Partial<Question> = {}): Question {
  return blankQuestion(name, type, { label: t(name, name), ...over });
}

/** The five cities of the survey, in the order of the choice list. */
export const CITIES = ['surabaya', 'yogyakarta', 'jakarta', 'medan', 'makassar'] as const;
export type City = (typeof CITIES)[number];

/** The five job types of the article. */
export const JOBS = ['umkm', 'pedagang_kecil', 'buruh_harian', 'pekerja_lepas', 'pekerja_rumahan'] as const;
export type Job = (typeof JOBS)[number];

/** The main reason for not participating; `lainnya` stays in the list although nobody chose it. */
export const REASONS = ['tidak_tahu_manfaat', 'tidak_mampu_iuran', 'administrasi', 'lainnya'] as const;
export type Reason = (typeof REASONS)[number];

export const PROGRAMMES = ['jkk', 'jkm', 'jht', 'jkp'] as const;

/** The Likert items of the effectiveness index, by dimension (3 each). `pemahaman3` is reverse-keyed. */
export const INDEX_ITEMS = {
  akses: ['akses1', 'akses2', 'akses3'],
  pemahaman: ['pemahaman1', 'pemahaman2', 'pemahaman3'],
  manfaat: ['manfaat1', 'manfaat2', 'manfaat3'],
} as const;
export const REVERSE_ITEMS = ['pemahaman3'] as const;
export const LITERACY_ITEMS = ['literasi1', 'literasi2', 'literasi3', 'literasi4'] as const;

const LIKERT_HINT = t('1 = sangat tidak setuju, 5 = sangat setuju', '1 = strongly disagree, 5 = strongly agree');

const group = (name: string, id: string, en: string) => ({ name, label: t(id, en) });
const G = {
  identitas: group('identitas', 'Identitas responden', 'Respondent'),
  pekerjaan: group('pekerjaan', 'Pekerjaan dan pendapatan', 'Work and income'),
  kepesertaan: group('kepesertaan', 'Kepesertaan BPJS Ketenagakerjaan', 'BPJS Ketenagakerjaan membership'),
  persepsi: group('persepsi', 'Akses, pemahaman dan manfaat', 'Access, understanding and benefit'),
  literasi: group('literasi', 'Literasi keuangan', 'Financial literacy'),
};

function likert(name: string, id: string, en: string, grp: Question['group'], over: Partial<Question> = {}): Question {
  return question(name, 'likert', { label: t(id, en), hint: LIKERT_HINT, listName: 'likert5', required: true, group: grp, ...over });
}

const INDEX_CALCULATION =
  '((${akses1} + ${akses2} + ${akses3}) div 3 + (${pemahaman1} + ${pemahaman2} + (6 - ${pemahaman3})) div 3 + (${manfaat1} + ${manfaat2} + ${manfaat3}) div 3) div 3';

const QUESTIONS: Question[] = [
  question('nama_responden', 'text', {
    label: t('Nama responden', 'Respondent name'),
    hint: t('Data pribadi: tidak ikut diekspor atau dilaporkan.', 'Personal data: left out of exports and reports.'),
    personalData: true,
    group: G.identitas,
  }),
  question('telepon', 'text', {
    label: t('Nomor telepon', 'Phone number'),
    hint: t('Data pribadi: tidak ikut diekspor atau dilaporkan.', 'Personal data: left out of exports and reports.'),
    personalData: true,
    group: G.identitas,
  }),
  question('kota', 'select_one', { label: t('Kota', 'City'), listName: 'kota', required: true, group: G.identitas }),
  question('jenis_kelamin', 'select_one', { label: t('Jenis kelamin', 'Gender'), listName: 'jenis_kelamin', required: true, group: G.identitas }),
  question('umur', 'integer', {
    label: t('Umur (tahun)', 'Age (years)'),
    required: true,
    constraint: '. >= 15 and . <= 80',
    constraintMessage: t('Umur 15 sampai 80 tahun', 'Age 15 to 80 years'),
    group: G.identitas,
  }),
  question('jenis_pekerjaan', 'select_one', { label: t('Jenis pekerjaan', 'Job type'), listName: 'jenis_pekerjaan', required: true, group: G.pekerjaan }),
  question('pendapatan', 'decimal', {
    label: t('Rata-rata pendapatan per bulan (juta rupiah)', 'Average monthly income (million rupiah)'),
    hint: t('mis. 2,5 untuk Rp 2.500.000', 'e.g. 2.5 for Rp 2,500,000'),
    required: true,
    constraint: '. >= 0 and . <= 100',
    constraintMessage: t('Pendapatan 0 sampai 100 juta rupiah', 'Income 0 to 100 million rupiah'),
    group: G.pekerjaan,
  }),
  question('variabilitas_pendapatan', 'select_one', {
    label: t('Seberapa berubah-ubah pendapatan Anda dari bulan ke bulan?', 'How much does your income vary from month to month?'),
    listName: 'variabilitas',
    required: true,
    group: G.pekerjaan,
  }),
  question('peserta_aktif', 'select_one', {
    label: t('Apakah Anda peserta aktif BPJS Ketenagakerjaan?', 'Are you an active member of BPJS Ketenagakerjaan?'),
    listName: 'ya_tidak',
    required: true,
    group: G.kepesertaan,
  }),
  question('program', 'select_multiple', {
    label: t('Program yang Anda ikuti', 'Programmes you hold'),
    listName: 'program',
    relevant: "${peserta_aktif} = 'ya'",
    required: true,
    group: G.kepesertaan,
  }),
  question('alasan_tidak_ikut', 'select_one', {
    label: t('Alasan utama tidak ikut serta', 'Main reason for not participating'),
    listName: 'alasan',
    relevant: "${peserta_aktif} = 'tidak'",
    required: true,
    group: G.kepesertaan,
  }),
  likert('akses1', 'Kantor atau agen pendaftaran BPJS mudah saya jangkau.', 'A BPJS office or registration agent is easy for me to reach.', G.persepsi, { dimension: 'akses' }),
  likert('akses2', 'Saya dapat mendaftar dan membayar iuran dengan mudah.', 'I can register and pay the contribution easily.', G.persepsi, { dimension: 'akses' }),
  likert('akses3', 'Informasi tentang BPJS Ketenagakerjaan sampai ke lingkungan kerja saya.', 'Information about BPJS Ketenagakerjaan reaches my workplace.', G.persepsi, { dimension: 'akses' }),
  likert('pemahaman1', 'Saya memahami manfaat program JKK dan JKM.', 'I understand the benefits of the JKK and JKM programmes.', G.persepsi, { dimension: 'pemahaman' }),
  likert('pemahaman2', 'Saya tahu cara mengajukan klaim.', 'I know how to make a claim.', G.persepsi, { dimension: 'pemahaman' }),
  likert(
    'pemahaman3',
    'Aturan kepesertaan membingungkan bagi saya. (butir terbalik)',
    'The membership rules confuse me. (reverse-keyed item)',
    G.persepsi,
    { dimension: 'pemahaman', reverse: true },
  ),
  likert('manfaat1', 'Jaminan sosial ketenagakerjaan melindungi saya dari risiko kerja.', 'Employment social insurance protects me against work risks.', G.persepsi, { dimension: 'manfaat' }),
  likert('manfaat2', 'Iuran yang dibayar sebanding dengan manfaatnya.', 'The contribution is worth its benefits.', G.persepsi, { dimension: 'manfaat' }),
  likert('manfaat3', 'Program ini membantu keluarga jika terjadi musibah.', 'The programme helps the family when misfortune strikes.', G.persepsi, { dimension: 'manfaat' }),
  likert('literasi1', 'Saya mencatat pemasukan dan pengeluaran.', 'I keep a record of income and spending.', G.literasi),
  likert('literasi2', 'Saya menyisihkan tabungan setiap bulan.', 'I put savings aside every month.', G.literasi),
  likert('literasi3', 'Saya memahami cara kerja asuransi.', 'I understand how insurance works.', G.literasi),
  likert('literasi4', 'Saya membandingkan biaya sebelum memilih produk keuangan.', 'I compare costs before choosing a financial product.', G.literasi),
  question('bersedia_iuran_fleksibel', 'select_one', {
    label: t('Bersediakah Anda membayar iuran fleksibel (harian atau mingguan)?', 'Would you pay a flexible (daily or weekly) contribution?'),
    listName: 'bersedia',
    required: true,
    group: G.literasi,
  }),
  question('skor_literasi', 'calculate', {
    label: t('Skor literasi keuangan (rata-rata 4 butir)', 'Financial-literacy score (mean of 4 items)'),
    calculation: '(${literasi1} + ${literasi2} + ${literasi3} + ${literasi4}) div 4',
  }),
  question('indeks_efektivitas', 'calculate', {
    label: t('Indeks efektivitas responden (1-5)', "Respondent's effectiveness index (1-5)"),
    hint: t('Rata-rata tiga dimensi (akses, pemahaman, manfaat); pemahaman3 dibalik.', 'Mean of the three dimensions (access, understanding, benefit); pemahaman3 reversed.'),
    calculation: INDEX_CALCULATION,
  }),
];

const choices = (values: readonly string[], labels: Record<string, Text>) => values.map((value) => ({ value, label: labels[value]! }));

const LISTS: ChoiceList[] = [
  {
    name: 'kota',
    choices: choices(CITIES, {
      surabaya: t('Surabaya', 'Surabaya'),
      yogyakarta: t('Yogyakarta', 'Yogyakarta'),
      jakarta: t('Jakarta', 'Jakarta'),
      medan: t('Medan', 'Medan'),
      makassar: t('Makassar', 'Makassar'),
    }),
  },
  { name: 'jenis_kelamin', choices: [{ value: 'laki_laki', label: t('Laki-laki', 'Male') }, { value: 'perempuan', label: t('Perempuan', 'Female') }] },
  {
    name: 'jenis_pekerjaan',
    choices: choices(JOBS, {
      umkm: t('Pemilik UMKM', 'UMKM owner (micro/small business)'),
      pedagang_kecil: t('Pedagang kecil', 'Small trader (pedagang kecil)'),
      buruh_harian: t('Buruh harian', 'Daily labourer (buruh harian)'),
      pekerja_lepas: t('Pekerja lepas', 'Freelancer (pekerja lepas)'),
      pekerja_rumahan: t('Pekerja rumahan', 'Home worker (pekerja rumahan)'),
    }),
  },
  {
    name: 'variabilitas',
    choices: [
      { value: 'stabil', label: t('Relatif stabil', 'Fairly stable') },
      { value: 'berubah', label: t('Berubah-ubah', 'Varies') },
      { value: 'sangat_berubah', label: t('Sangat berubah-ubah', 'Varies a lot') },
    ],
  },
  { name: 'ya_tidak', choices: [{ value: 'ya', label: t('Ya', 'Yes') }, { value: 'tidak', label: t('Tidak', 'No') }] },
  {
    name: 'program',
    choices: [
      { value: 'jkk', label: t('JKK (Jaminan Kecelakaan Kerja)', 'JKK (work-accident insurance)') },
      { value: 'jkm', label: t('JKM (Jaminan Kematian)', 'JKM (death benefit)') },
      { value: 'jht', label: t('JHT (Jaminan Hari Tua)', 'JHT (old-age savings)') },
      { value: 'jkp', label: t('JKP (Jaminan Kehilangan Pekerjaan)', 'JKP (job-loss insurance)') },
    ],
  },
  {
    name: 'alasan',
    choices: choices(REASONS, {
      tidak_tahu_manfaat: t('Tidak mengetahui manfaat program', 'Does not know the benefits'),
      tidak_mampu_iuran: t('Tidak mampu membayar iuran', 'Cannot afford the contribution'),
      administrasi: t('Kendala administrasi (pendaftaran rumit)', 'Administrative reasons (complicated registration)'),
      lainnya: t('Lainnya', 'Other'),
    }),
  },
  {
    name: 'likert5',
    choices: [
      { value: '1', label: t('1 Sangat tidak setuju', '1 Strongly disagree') },
      { value: '2', label: t('2 Tidak setuju', '2 Disagree') },
      { value: '3', label: t('3 Netral', '3 Neutral') },
      { value: '4', label: t('4 Setuju', '4 Agree') },
      { value: '5', label: t('5 Sangat setuju', '5 Strongly agree') },
    ],
  },
  {
    name: 'bersedia',
    choices: [
      { value: 'ya', label: t('Ya, bersedia', 'Yes') },
      { value: 'ragu', label: t('Ragu-ragu', 'Not sure') },
      { value: 'tidak', label: t('Tidak', 'No') },
    ],
  },
];

/** The sample study's questionnaire (a new object every call). */
export function sampleQuestionnaire(): Questionnaire {
  return {
    title: 'Survei pekerja sektor informal dan BPJS Ketenagakerjaan (data sintetis / synthetic data)',
    formId: 'studi_contoh_bpjs',
    version: '1',
    defaultLanguage: 'id',
    questions: structuredClone(QUESTIONS),
    choiceLists: structuredClone(LISTS),
  };
}
