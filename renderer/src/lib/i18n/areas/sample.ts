import type { Widen } from '../id';

/** The sample study (start screen) and the "Reproduce the article" tab (Bahasa Indonesia). */
export const sampleId = {
  synthetic: 'Data sintetis',
  openSample: 'Buka studi contoh',
  sampleHeading: 'Studi contoh',
  sampleHint:
    'Studi BPJS Ketenagakerjaan dan pekerja informal, siap dianalisis: 300 responden di lima kota, Tabel 2 dan proyeksinya, analisis tersimpan. Datanya sintetis, dibangun agar cocok dengan setiap angka yang diterbitkan artikel (mikrodata aslinya tidak terbuka).',
  tab: 'Reproduksi artikel',
  heading: 'Reproduksi angka artikel',
  intro:
    'Setiap angka yang dicetak artikel di samping nilai yang dihitung Kajian dari proyek ini, dengan fungsi yang sama seperti layar analisis. “Sesuai” berarti nilai Kajian, dibulatkan seperti artikel, sama dengan angka tercetak; bila berbeda, penjelasannya diberikan. Tidak ada perhitungan yang disesuaikan agar cocok.',
  syntheticNote:
    'Mikrodata survei artikel tidak tersedia untuk umum. Responden di proyek ini dibangkitkan (benih tetap, hasil selalu sama) agar cocok dengan setiap agregat yang diterbitkan; jangan dipakai sebagai temuan.',
  notSample: 'Proyek ini bukan studi contoh: angka di bawah dihitung dari data proyek ini dengan nama variabel studi contoh.',
  summary: (r: number, d: number, u: number) => `${r} sesuai, ${d} berbeda${u ? `, ${u} tidak tersedia` : ''}`,
  cols: { figure: 'Angka', printed: 'Tercetak di artikel', computed: 'Dihitung Kajian', status: 'Status', explanation: 'Cara menghitung / penjelasan' },
  status: { reproduced: 'Sesuai', differs: 'Berbeda', unavailable: 'Tidak tersedia' },
  sections: { survey: 'Survei 300 pekerja informal', table2: 'Tabel 2: peserta BPJS Ketenagakerjaan sektor informal', projection: 'Proyeksi 2025–2030' },
  units: { million: 'juta' },
  loading: 'Menghitung…',
  retry: 'Hitung ulang',
};

export const sampleEn: Widen<typeof sampleId> = {
  synthetic: 'Synthetic data',
  openSample: 'Open the sample study',
  sampleHeading: 'Sample study',
  sampleHint:
    'A ready study of BPJS Ketenagakerjaan and informal workers: 300 respondents in five cities, Table 2 and its projection, saved analyses. The data are synthetic, built to match every figure the article publishes (its microdata are not public).',
  tab: 'Reproduce the article',
  heading: "Reproducing the article's figures",
  intro:
    "Each figure the article prints beside the value Kajian computes from this project, with the same functions as the analysis screens. “Reproduced” means Kajian's value, rounded as the article rounds, equals the printed figure; where they differ, the reason is given. Nothing is tuned to match.",
  syntheticNote:
    "The article's survey microdata are not public. The respondents in this project are generated (fixed seed, always the same) to match every published aggregate; do not use them as findings.",
  notSample: "This project is not the sample study: the figures below are computed from this project's data using the sample study's variable names.",
  summary: (r: number, d: number, u: number) => `${r} reproduced, ${d} differ${u ? `, ${u} unavailable` : ''}`,
  cols: { figure: 'Figure', printed: 'Printed in the article', computed: 'Computed by Kajian', status: 'Status', explanation: 'How it is computed / why it differs' },
  status: { reproduced: 'Reproduced', differs: 'Differs', unavailable: 'Unavailable' },
  sections: { survey: 'Survey of 300 informal workers', table2: 'Table 2: informal-sector members of BPJS Ketenagakerjaan', projection: 'Projection 2025–2030' },
  units: { million: 'million' },
  loading: 'Computing…',
  retry: 'Compute again',
};
