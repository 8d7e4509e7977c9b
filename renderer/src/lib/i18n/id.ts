import { questionnaireId } from './areas/questionnaire';
import { surveyId } from './areas/survey';
import { seriesId } from './areas/series';
import { entryId } from './areas/entry';
import { sampleId } from './areas/sample';
import { regressionId } from './areas/regression';
import { transferId } from './areas/transfer';
/** Bahasa Indonesia: the default language. Every other language must provide exactly these keys (see ./en.ts). */
export const id = {
  appName: 'Kajian',
  tagline: 'Riset sosial metode campuran, luring: kuesioner, koding kualitatif, statistik dan laporan.',
  language: { label: 'Bahasa', id: 'Bahasa Indonesia', en: 'English' },
  start: {
    heading: 'Mulai',
    newProject: 'Proyek baru',
    newProjectHint: 'Satu studi disimpan dalam satu berkas .kajian di komputer ini.',
    title: 'Judul studi',
    titlePlaceholder: 'mis. Evaluasi BPJS Ketenagakerjaan pekerja informal',
    location: 'Lokasi berkas',
    locationHint: 'Jalur lengkap berkas .kajian yang akan dibuat.',
    chooseLocation: 'Pilih lokasi…',
    create: 'Buat proyek',
    openProject: 'Buka proyek',
    openHint: 'Jalur lengkap berkas .kajian yang sudah ada.',
    filePath: 'Jalur berkas',
    chooseFile: 'Pilih berkas…',
    open: 'Buka',
    recent: 'Berkas terakhir',
    recentEmpty: 'Belum ada proyek yang dibuka. Buat proyek baru atau buka berkas .kajian.',
    missing: 'tidak ditemukan',
    removeRecent: (name: string) => `Hapus ${name} dari daftar`,
    browserMode: 'Mode peramban: Kajian berjalan di komputer ini saja (127.0.0.1).',
  },
  shell: {
    areas: 'Area kerja',
    closeProject: 'Tutup proyek',
    rename: 'Ubah judul',
    save: 'Simpan',
    cancel: 'Batal',
    file: 'Berkas',
    migrated: (from: number, backup: string) => `Proyek diperbarui dari format ${from}; salinan cadangan: ${backup}`,
  },
  areas: {
    overview: 'Ikhtisar',
    questionnaire: 'Kuesioner',
    entry: 'Entri Data',
    data: 'Data',
    analysis: 'Analisis',
    qualitative: 'Kualitatif',
    fgd: 'FGD',
    report: 'Laporan',
  },
  overview: {
    heading: 'Ikhtisar proyek',
    created: 'Dibuat',
    schema: 'Format berkas',
    contents: 'Isi proyek',
    entity: 'Jenis data',
    count: 'Jumlah',
  },
  entities: {
    questionnaires: 'Kuesioner',
    questions: 'Pertanyaan',
    choice_lists: 'Daftar pilihan',
    respondents: 'Responden',
    responses: 'Respons',
    answers: 'Jawaban',
    documents: 'Dokumen',
    cases: 'Kasus',
    codes: 'Kode',
    segments: 'Segmen berkode',
    memos: 'Memo',
    coders: 'Pengkode',
    fgd_sessions: 'Sesi FGD',
    fgd_participants: 'Peserta FGD',
    fgd_ratings: 'Penilaian FGD',
    series: 'Data deret waktu',
    saved_analyses: 'Analisis tersimpan',
    audit_log: 'Catatan audit',
  },
  empty: {
    questionnaire: (n: number) =>
      n === 0
        ? 'Proyek ini belum memiliki pertanyaan. Perancang kuesioner dan impor XLSForm akan tersedia di sini.'
        : `Proyek ini memiliki ${n} pertanyaan.`,
    entry: (n: number) =>
      n === 0 ? 'Belum ada respons. Entri data dengan papan ketik akan tersedia di sini setelah kuesioner dibuat.' : `${n} respons telah dimasukkan.`,
    data: (n: number) => (n === 0 ? 'Belum ada data untuk ditampilkan. Tabel respons akan muncul di sini.' : `${n} respons tersimpan.`),
    analysis: (n: number) =>
      n === 0 ? 'Belum ada analisis tersimpan. Frekuensi, tabulasi silang, indeks dan regresi akan tersedia di sini.' : `${n} analisis tersimpan.`,
    qualitative: (n: number) =>
      n === 0 ? 'Belum ada transkrip wawancara. Pengodean dokumen akan tersedia di sini.' : `${n} dokumen dalam proyek.`,
    fgd: (n: number) => (n === 0 ? 'Belum ada sesi FGD tercatat.' : `${n} sesi FGD tercatat.`),
    report: (n: number) =>
      n === 0 ? 'Paket laporan Excel disusun dari analisis tersimpan; belum ada analisis untuk dilaporkan.' : `${n} analisis siap dimasukkan ke laporan.`,
  },
  errors: {
    BAD_INPUT: 'Isian tidak valid',
    UNKNOWN_METHOD: 'Permintaan tidak dikenal',
    FORBIDDEN: 'Akses ditolak. Buka alamat lengkap yang dicetak Kajian.',
    NO_PROJECT: 'Tidak ada proyek yang terbuka.',
    NOT_FOUND: 'Berkas atau folder tidak ditemukan.',
    EXISTS: 'Sudah ada berkas dengan nama itu. Pilih nama lain.',
    NOT_KAJIAN: 'Berkas ini bukan proyek Kajian.',
    CORRUPT: 'Berkas proyek rusak dan tidak dapat dibuka. Berkas tidak diubah.',
    TOO_NEW: 'Proyek ini dibuat oleh versi Kajian yang lebih baru. Perbarui Kajian untuk membukanya. Berkas tidak diubah.',
    LOCKED: 'Berkas sedang dipakai program lain.',
    MIGRATION_FAILED: 'Proyek tidak dapat diperbarui; berkas tidak diubah.',
    INTERNAL: 'Terjadi kesalahan tak terduga.',
    required: 'Wajib diisi.',
  },
  entry: entryId,
  series: seriesId,
  survey: surveyId,
  sample: sampleId,
  regression: regressionId,
  questionnaire: questionnaireId,
  transfer: transferId,
  about: {
    title: 'Tentang Kajian',
    version: (v: string) => `Versi ${v}`,
    close: 'Tutup',
  },
};

export type Widen<T> = T extends string ? string : T extends (...args: infer A) => string ? (...args: A) => string : { [K in keyof T]: Widen<T[K]> };

/** The shape every language must fill completely. */
export type Messages = Widen<typeof id>;
