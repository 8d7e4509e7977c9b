import { blankQuestion, type Question, type Questionnaire } from '../form/types';

/** A question with every field at its neutral value, overridden by `over`. For tests and generators. */
export function question(name: string, type: Question['type'], over: Partial<Question> = {}): Question {
  return blankQuestion(name, type, { label: { id: name, en: name }, ...over });
}

/** A small questionnaire: participation (ya/tidak), a skip to the reason, age with a constraint, a Likert item. */
export function smallQuestionnaire(): Questionnaire {
  return {
    title: 'Survei kecil',
    formId: 'survei_kecil',
    version: '1',
    defaultLanguage: 'id',
    questions: [
      question('nama', 'text', { personalData: true, label: { id: 'Nama responden', en: 'Respondent name' } }),
      question('umur', 'integer', { required: true, constraint: '. >= 15 and . <= 99', constraintMessage: { id: 'Umur 15-99', en: 'Age 15-99' } }),
      question('peserta_aktif', 'select_one', { listName: 'ya_tidak', required: true }),
      question('alasan_tidak_ikut', 'select_one', { listName: 'alasan', relevant: "${peserta_aktif} = 'tidak'" }),
      question('program', 'select_multiple', { listName: 'program', relevant: "${peserta_aktif} = 'ya'" }),
      question('akses1', 'likert', { listName: 'likert5', dimension: 'akses' }),
    ],
    choiceLists: [
      { name: 'ya_tidak', choices: [{ value: 'ya', label: { id: 'Ya', en: 'Yes' } }, { value: 'tidak', label: { id: 'Tidak', en: 'No' } }] },
      {
        name: 'alasan',
        choices: [
          { value: 'tidak_tahu_manfaat', label: { id: 'Tidak tahu manfaat', en: 'Does not know the benefits' } },
          { value: 'tidak_mampu_iuran', label: { id: 'Tidak mampu membayar iuran', en: 'Cannot afford the contribution' } },
          { value: 'administrasi', label: { id: 'Kendala administrasi', en: 'Administrative reasons' } },
        ],
      },
      { name: 'program', choices: ['jkk', 'jkm', 'jht', 'jkp'].map((v) => ({ value: v, label: { id: v.toUpperCase(), en: v.toUpperCase() } })) },
      { name: 'likert5', choices: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: { id: String(v), en: String(v) } })) },
    ],
  };
}
