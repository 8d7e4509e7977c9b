// Facts about the example forms were read from the files in /work/shared/xlsform-examples/
// (pyxform 4.5.0 test forms) by opening them in a spreadsheet; row numbers are Excel's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import * as XLSX from 'xlsx';
import { blankQuestion, emptyText, validateQuestionnaire, type Question, type Questionnaire } from './types';
import { parseExpression } from './expr/parser';
import { readXlsForm, writeXlsForm, type ImportError, type ReadXlsFormResult, type SkippedRow } from './xlsform';

// The shared folder sits beside the repository (here and in CI's clean clone).
const DIR = fileURLToPath(new URL('../../../shared/xlsform-examples/', import.meta.url));

function readExample(file: string): ReadXlsFormResult {
  return readXlsForm(new Uint8Array(readFileSync(DIR + file)), file);
}

function imported(r: ReadXlsFormResult): { questionnaire: Questionnaire; skipped: SkippedRow[] } {
  if (!r.ok) throw new Error('import failed: ' + JSON.stringify(r.errors, null, 1));
  return r;
}

function failed(r: ReadXlsFormResult): ImportError[] {
  if (r.ok) throw new Error('import succeeded');
  return r.errors;
}

function byName(q: Questionnaire, name: string): Question {
  const found = q.questions.find((x) => x.name === name);
  if (found === undefined) throw new Error(`no question ${name}`);
  return found;
}

/** An .xlsx workbook from sheets given as rows of cells. */
function book(sheets: [string, (string | number | boolean)[][]][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function roundTrip(q: Questionnaire): Questionnaire {
  const back = readXlsForm(writeXlsForm(q), 'ignored.xlsx');
  const ok = imported(back);
  expect(ok.skipped).toEqual([]);
  return ok.questionnaire;
}

describe('example forms', () => {
  test('calculate.xls (old binary format): calculations and notes', () => {
    const { questionnaire: q, skipped } = imported(readExample('calculate.xls'));
    expect(skipped).toEqual([]);
    expect(q.title).toBe('calculate_test');
    expect(q.formId).toBe('calculate_test');
    expect(q.defaultLanguage).toBe('id'); // plain labels, no language setting
    expect(q.questions.map((x) => [x.name, x.type])).toEqual([
      ['calculate_test', 'calculate'],
      ['calculate_test_output', 'note'],
      ['calculate_test_2', 'calculate'],
      ['calculate_test_2_output', 'note'],
    ]);
    expect(byName(q, 'calculate_test').calculation).toBe('2+2');
    expect(byName(q, 'calculate_test_2').calculation).toBe("if(${calculate_test_output}=${calculate_test_output}, 'success', 'error')");
    expect(byName(q, 'calculate_test_output').label).toEqual({ id: '2+2 = ${calculate_test}', en: '' });
  });

  test('case_insensitivity.xlsx: upper-case sheets and columns, LABEL::EN, external and osm rows skipped', () => {
    const { questionnaire: q, skipped } = imported(readExample('case_insensitivity.xlsx'));
    expect(q.title).toBe('Yes or no');
    expect(q.formId).toBe('YesNo');
    expect(q.defaultLanguage).toBe('en');
    expect(q.questions).toHaveLength(1);
    expect(q.questions[0]).toMatchObject({ name: 'q1', type: 'select_one', listName: 'c1', label: { id: '', en: 'Are you good?' } });
    expect(q.choiceLists).toEqual([
      {
        name: 'c1',
        choices: [
          { value: 'n1-c', label: { id: '', en: 'l1-c' } },
          { value: 'n2-c', label: { id: '', en: 'l2-c' } },
        ],
      },
    ]);
    expect(skipped).toEqual([
      { sheet: 'SURVEY', row: 3, reason: "'q2': 'select_one_external c1' (choices from an external list) is not a question type Kajian has; the row is left out" },
      { sheet: 'SURVEY', row: 4, reason: "'q3': 'osm c1' (OpenStreetMap) is not a question type Kajian has; the row is left out" },
    ]);
  });

  test('choice_filter_test.xlsx fails: the same value twice in one list', () => {
    expect(failed(readExample('choice_filter_test.xlsx'))).toEqual([{ sheet: 'choices', row: 6, column: 'name', message: "List 'counties': value 'king' occurs more than once" }]);
  });

  test('group.xlsx: a group flattened onto its questions; legacy "phone number" type and label:English (en)', () => {
    const { questionnaire: q, skipped } = imported(readExample('group.xlsx'));
    expect(skipped).toEqual([]);
    expect(q.defaultLanguage).toBe('en');
    expect(q.questions.map((x) => [x.name, x.type, x.group?.name ?? null])).toEqual([
      ['family_name', 'text', null],
      ['phone_number', 'text', 'father'],
      ['age', 'integer', 'father'],
    ]);
    expect(byName(q, 'age').group).toEqual({ name: 'father', label: { id: '', en: 'Father' } });
    expect(byName(q, 'age').label.en).toBe('How old is your father?');
    expect(byName(q, 'phone_number').constraint).toBe("regex(., '^[0-9]*$')");
  });

  test('loop.xlsx fails: a loop is a repeat', () => {
    expect(failed(readExample('loop.xlsx'))).toEqual([
      {
        sheet: 'survey',
        row: 3,
        column: 'type',
        message: "The loop 'loop_toilet_types' (rows 3 to 5) cannot be imported: Kajian stores one answer per question per respondent, so repeated questions cannot be kept",
      },
    ]);
  });

  test('specify_other.xlsx: "select one from x or specify other" imports as select_one, the other box listed', () => {
    const { questionnaire: q, skipped } = imported(readExample('specify_other.xlsx'));
    expect(q.questions).toHaveLength(1);
    expect(q.questions[0]).toMatchObject({ name: 'sex', type: 'select_one', listName: 'sexes', label: { id: '', en: 'What sex are you?' } });
    expect(q.choiceLists[0].choices.map((c) => c.value)).toEqual(['male', 'female']);
    expect(skipped).toEqual([{ sheet: 'survey', row: 2, reason: "'sex' is imported, but 'or specify other' is not supported, so the list has no 'Other' choice with a text box" }]);
  });

  test('text_and_integer.xlsx', () => {
    const { questionnaire: q, skipped } = imported(readExample('text_and_integer.xlsx'));
    expect(skipped).toEqual([]);
    expect(q.questions.map((x) => [x.name, x.type, x.label.en])).toEqual([
      ['your_name', 'text', 'What is your name?'],
      ['your_age', 'integer', 'How many years old are you?'],
    ]);
    expect(q.choiceLists).toEqual([]);
  });

  test('yes_or_no_question.xlsx: "select one from" with "list name" header', () => {
    const { questionnaire: q } = imported(readExample('yes_or_no_question.xlsx'));
    expect(q.questions).toEqual([expect.objectContaining({ name: 'good_day', type: 'select_one', listName: 'yes_or_no' })]);
    expect(q.choiceLists).toEqual([{ name: 'yes_or_no', choices: [{ value: 'yes', label: { id: '', en: 'yes' } }, { value: 'no', label: { id: '', en: 'no' } }] }]);
  });

  test('widgets.xls: legacy types, constraints with jr:constraintMsg, groups; media and GPS rows skipped', () => {
    const { questionnaire: q, skipped } = imported(readExample('widgets.xls'));
    expect(q.questions).toHaveLength(23);
    expect(byName(q, 'my_string').type).toBe('text');
    expect(byName(q, 'my_int')).toMatchObject({ type: 'integer', constraint: '. < 10', constraintMessage: { id: 'number must be less than 10', en: '' } });
    expect(byName(q, 'my_select')).toMatchObject({ type: 'select_multiple', listName: 'list', constraint: "not(selected(., 'c') and selected(., 'd'))" });
    expect(byName(q, 'my_select1')).toMatchObject({ type: 'select_one', listName: 'list2' });
    expect(byName(q, 'happy_sad_brian')).toMatchObject({ type: 'select_multiple', listName: 'happy_sad', hint: emptyText(), group: { name: 'happy_sad_table', label: { id: '(An easier to specify multi list group)', en: '' } } });
    expect(byName(q, 'spinner').appearance).toBe('minimal');
    expect(q.choiceLists.map((l) => [l.name, l.choices.length])).toEqual([
      ['list', 4],
      ['list2', 8],
      ['yes_no', 2],
      ['a_b', 2],
      ['happy_sad', 2],
    ]);
    expect(q.choiceLists[1].choices[7]).toEqual({ value: '8', label: { id: 'option 8', en: '' } });
    expect(skipped.map((s) => s.row)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18]);
    expect(skipped.find((s) => s.row === 11)?.reason).toBe("'my_geopoint': 'geopoint' (a GPS location) is not a question type Kajian has; the row is left out");
    expect(skipped.find((s) => s.row === 4)?.reason).toBe("'my_decimal' is imported, but the default '18.31' is not used");
    expect(skipped.find((s) => s.row === 10)?.reason).toBe("'my_output' is imported, but read_only 'true()' is not supported, so the answer can be edited");
  });

  test('xlsform_spec_test.xlsx fails: its repeat group', () => {
    expect(failed(readExample('xlsform_spec_test.xlsx'))).toEqual([
      {
        sheet: 'survey',
        row: 15,
        column: 'type',
        message: "The repeat group 'repeat_test' (rows 15 to 29) cannot be imported: Kajian stores one answer per question per respondent, so repeated questions cannot be kept",
      },
    ]);
  });

  test('UCL_Biomass_Plot_Form.xlsx fails: five repeat groups and typographic quotes, every one listed', () => {
    const errors = failed(readExample('UCL_Biomass_Plot_Form.xlsx'));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [9, 'relevant'],
      [32, 'relevant'],
      [32, 'type'],
      [43, 'type'],
      [56, 'relevant'],
      [56, 'type'],
      [72, 'relevant'],
      [72, 'type'],
      [80, 'relevant'],
      [80, 'type'],
    ]);
    expect(errors[0].message).toBe("Question 'leader_name_other': relevant '${leader_name} = ‘other’': position 17: typographic quote ‘ is not allowed; use a straight quote ' or \"");
    expect(errors[3].message).toContain("The repeat group 'stems' (rows 43 to 51)");
  });

  test.each(['calculate.xls', 'case_insensitivity.xlsx', 'group.xlsx', 'specify_other.xlsx', 'text_and_integer.xlsx', 'widgets.xls', 'yes_or_no_question.xlsx'])('%s survives export and re-import unchanged', (file) => {
    const { questionnaire } = imported(readExample(file));
    expect(roundTrip(questionnaire)).toEqual(questionnaire);
  });
});

function question(over: Partial<Question> & { name: string }): Question {
  return blankQuestion(over.name, over.type ?? 'text', { label: { id: `Tanya ${over.name}`, en: `Ask ${over.name}` }, ...over });
}

const kajianForm: Questionnaire = {
  title: 'Survei BPJS Ketenagakerjaan pekerja informal',
  formId: 'bpjstk_informal',
  version: '2026-03',
  defaultLanguage: 'id',
  choiceLists: [
    { name: 'setuju5', choices: ['Sangat tidak setuju', 'Tidak setuju', 'Ragu-ragu', 'Setuju', 'Sangat setuju'].map((id, i) => ({ value: String(i + 1), label: { id, en: ['Strongly disagree', 'Disagree', 'Unsure', 'Agree', 'Strongly agree'][i] } })) },
    { name: 'ya_tidak', choices: [{ value: 'ya', label: { id: 'Ya', en: 'Yes' } }, { value: 'tidak', label: { id: 'Tidak', en: 'No' } }] },
    { name: 'program', choices: ['JKK', 'JKM', 'JHT', 'JKP'].map((v) => ({ value: v, label: { id: v, en: v } })) },
  ],
  questions: [
    question({ name: 'nama', personalData: true, required: true, requiredMessage: { id: 'Nama wajib diisi', en: 'Name is required' } }),
    question({ name: 'nik', personalData: true, constraint: "regex(., '^[0-9]{16}$')", constraintMessage: { id: 'NIK 16 angka', en: 'NIK has 16 digits' }, hint: { id: '16 angka', en: '16 digits' } }),
    question({ name: 'umur', type: 'integer', constraint: '. >= 15 and . <= 99', group: { name: 'profil', label: { id: 'Profil', en: 'Profile' } } }),
    question({ name: 'tgl', type: 'date', constraint: '. <= today()', group: { name: 'profil', label: { id: 'Profil', en: 'Profile' } } }),
    question({ name: 'peserta', type: 'select_one', listName: 'ya_tidak', group: { name: 'kepesertaan', label: { id: 'Kepesertaan', en: 'Membership' } } }),
    question({ name: 'program_ikut', type: 'select_multiple', listName: 'program', relevant: "${peserta} = 'ya'", appearance: 'minimal', group: { name: 'kepesertaan/program', label: { id: 'Program', en: 'Programmes' } } }),
    question({ name: 'jumlah', type: 'calculate', calculation: 'count-selected(${program_ikut})', label: emptyText(), group: { name: 'kepesertaan/program', label: { id: 'Program', en: 'Programmes' } } }),
    question({ name: 'akses1', type: 'likert', listName: 'setuju5', dimension: 'akses', group: { name: 'kepesertaan', label: { id: 'Kepesertaan', en: 'Membership' } } }),
    question({ name: 'paham1', type: 'likert', listName: 'setuju5', dimension: 'pemahaman', reverse: true }),
    question({ name: 'manfaat1', type: 'likert', listName: 'setuju5', dimension: 'manfaat', hint: { id: '', en: 'Only in English' } }),
    question({ name: 'iuran', type: 'decimal', relevant: "${peserta} = 'ya'", group: { name: 'iuran_blok', label: { id: 'Iuran', en: 'Contribution' } } }),
    question({ name: 'catatan', type: 'note', label: { id: 'Terima kasih, ${nama}', en: 'Thank you, ${nama}' } }),
  ],
};

describe('export', () => {
  test('a Kajian-built form is valid and survives export and re-import unchanged', () => {
    expect(validateQuestionnaire(kajianForm)).toEqual([]);
    const before = JSON.stringify(kajianForm);
    expect(roundTrip(kajianForm)).toEqual(kajianForm);
    expect(JSON.stringify(kajianForm)).toBe(before);
  });

  test('the English default language round-trips too', () => {
    const en = { ...kajianForm, defaultLanguage: 'en' as const };
    expect(roundTrip(en)).toEqual(en);
  });

  test('writes what ODK expects: select_one for likert with kajian columns, nested begin_group/end_group, settings', () => {
    const wb = XLSX.read(writeXlsForm(kajianForm), { type: 'array' });
    expect(wb.SheetNames).toEqual(['survey', 'choices', 'settings']);
    const survey = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.survey, { header: 1, defval: '' });
    const header = survey[0];
    expect(header.slice(0, 4)).toEqual(['type', 'name', 'label::Indonesian (id)', 'label::English (en)']);
    const col = (name: string): number => header.indexOf(name);
    const typeAndName = survey.slice(1).map((r) => `${r[0]} ${r[1]}`.trim());
    expect(typeAndName).toEqual([
      'text nama',
      'text nik',
      'begin_group profil',
      'integer umur',
      'date tgl',
      'end_group',
      'begin_group kepesertaan',
      'select_one peserta',
      'begin_group program',
      'select_multiple program program_ikut',
      'calculate jumlah',
      'end_group',
      'select_one setuju5 akses1',
      'end_group',
      'select_one setuju5 paham1',
      'select_one setuju5 manfaat1',
      'begin_group iuran_blok',
      'decimal iuran',
      'end_group',
      'note catatan',
    ].map((s) => s.replace('select_one peserta', 'select_one ya_tidak peserta')));
    const akses = survey.find((r) => r[1] === 'akses1') ?? [];
    expect([akses[col('kajian_type')], akses[col('kajian_dimension')], akses[col('kajian_reverse')]]).toEqual(['likert', 'akses', '']);
    const paham = survey.find((r) => r[1] === 'paham1') ?? [];
    expect(paham[col('kajian_reverse')]).toBe('yes');
    expect((survey.find((r) => r[1] === 'nama') ?? [])[col('kajian_personal')]).toBe('yes');
    const settings = XLSX.utils.sheet_to_json<string[]>(wb.Sheets.settings, { header: 1, defval: '' });
    expect(settings).toEqual([
      ['form_title', 'form_id', 'version', 'default_language'],
      ['Survei BPJS Ketenagakerjaan pekerja informal', 'bpjstk_informal', '2026-03', 'Indonesian (id)'],
    ]);
  });
});

describe('import details', () => {
  test('languages: Bahasa Indonesia, English (en), plain columns and legacy spellings', () => {
    const data = book([
      [
        'Survey',
        [
          ['Type', 'Name', 'Label::Bahasa Indonesia', 'label::English (en)', 'hint', 'bind::jr:constraintMsg::English (en)', 'requiredMsg', 'Required', 'bind::Constraint', 'control::appearance', 'jr:requiredMsg::English (en)'],
          ['integer', 'umur', 'Umur', 'Age', 'Tahun', 'Too young', 'Wajib', 'TRUE', '. >= 15', 'numbers', 'Required'],
        ],
      ],
      ['Settings', [['form_title', 'form_id', 'default_language'], ['Uji', 'uji', 'Bahasa Indonesia']]],
    ]);
    const { questionnaire: q, skipped } = imported(readXlsForm(data));
    expect(skipped).toEqual([]);
    expect(q.defaultLanguage).toBe('id');
    expect(q.questions[0]).toMatchObject({
      label: { id: 'Umur', en: 'Age' },
      hint: { id: 'Tahun', en: '' },
      constraintMessage: { id: '', en: 'Too young' },
      requiredMessage: { id: 'Wajib', en: 'Required' },
      required: true,
      constraint: '. >= 15',
      appearance: 'numbers',
    });
  });

  test('other languages: ignored beside Indonesian/English, else standing in for the default language', () => {
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'label::Swahili (sw)', 'label::English (en)', 'hint::Swahili (sw)'],
          ['text', 'jina', 'Jina', 'Name', 'Andika'],
        ],
      ],
    ]);
    const { questionnaire: q, skipped } = imported(readXlsForm(data, 'forms/fomu.xlsx'));
    expect(q.defaultLanguage).toBe('en');
    expect(q.title).toBe('fomu');
    expect(q.formId).toBe('fomu');
    expect(q.questions[0].label).toEqual({ id: '', en: 'Name' });
    expect(q.questions[0].hint).toEqual({ id: '', en: 'Andika' });
    expect(skipped).toEqual([
      { sheet: 'survey', row: 1, reason: "Column 'label::Swahili (sw)' is ignored: Kajian keeps Indonesian and English texts only" },
      { sheet: 'survey', row: 1, reason: "Column 'hint::Swahili (sw)' is read as the English text: the form has no Indonesian or English column for it" },
    ]);
  });

  test('nested groups join their names; group relevance is joined to each question', () => {
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'label', 'relevant'],
          ['select_one yn', 'kerja', 'Bekerja?', ''],
          ['begin group', 'luar', 'Luar', "${kerja} = 'y'"],
          ['begin_group', 'dalam', 'Dalam', ''],
          ['integer', 'jam', 'Jam kerja', '${kerja} != ""'],
          ['end_group', '', '', ''],
          ['text', 'nama_usaha', 'Nama usaha', ''],
          ['end group', '', '', ''],
        ],
      ],
      ['choices', [['list_name', 'name', 'label'], ['yn', 'y', 'Ya'], ['yn', 'n', 'Tidak']]],
    ]);
    const { questionnaire: q } = imported(readXlsForm(data));
    expect(byName(q, 'jam')).toMatchObject({ group: { name: 'luar/dalam', label: { id: 'Dalam', en: '' } }, relevant: "(${kerja} = 'y') and (${kerja} != \"\")" });
    expect(byName(q, 'nama_usaha')).toMatchObject({ group: { name: 'luar', label: { id: 'Luar', en: '' } }, relevant: "${kerja} = 'y'" });
    expect(roundTrip(q)).toEqual(q);
  });

  test("an unknown name in a group's condition is reported once, at the group's row", () => {
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'relevant'],
          ['begin group', 'g', '${nope} = 1'],
          ['text', 'a', ''],
          ['text', 'b', "${a} = 'x'"],
          ['end group', '', ''],
        ],
      ],
    ]);
    expect(failed(readXlsForm(data))).toEqual([
      { sheet: 'survey', row: 2, column: 'relevant', message: "Group 'g': relevant refers to ${nope} at position 0, but there is no question 'nope'" },
    ]);
  });

  test('kajian_* columns are read; bad values fail', () => {
    const good = book([
      [
        'survey',
        [
          ['type', 'name', 'label', 'kajian_type', 'kajian_personal', 'kajian_dimension', 'kajian_reverse'],
          ['select_one s', 'q1', 'Q1', 'likert', '', 'Akses', 'yes'],
          ['text', 'hp', 'HP', '', 'yes', '', ''],
        ],
      ],
      ['choices', [['list_name', 'name', 'label'], ...['1', '2', '3', '4', '5'].map((v) => ['s', v, v])]],
    ]);
    const { questionnaire: q } = imported(readXlsForm(good));
    expect(q.questions.map((x) => [x.type, x.dimension, x.reverse, x.personalData])).toEqual([
      ['likert', 'akses', true, false],
      ['text', null, false, true],
    ]);
    const bad = book([
      [
        'survey',
        [
          ['type', 'name', 'kajian_type', 'kajian_personal', 'kajian_dimension'],
          ['text', 'a', 'likert', 'maybe', 'biaya'],
        ],
      ],
    ]);
    expect(failed(readXlsForm(bad))).toEqual([
      { sheet: 'survey', row: 2, column: 'kajian_type', message: "kajian_type 'likert' needs a select_one question, not 'text'" },
      { sheet: 'survey', row: 2, column: 'kajian_personal', message: "kajian_personal must be yes or no, not 'maybe'" },
      { sheet: 'survey', row: 2, column: 'kajian_dimension', message: "Unknown kajian_dimension 'biaya' (use akses, pemahaman, manfaat)" },
    ]);
  });

  test('a required condition is listed and the question imported as optional', () => {
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'required'],
          ['integer', 'a', ''],
          ['integer', 'b', '${a} > 1'],
        ],
      ],
    ]);
    const { questionnaire: q, skipped } = imported(readXlsForm(data));
    expect(byName(q, 'b').required).toBe(false);
    expect(skipped).toEqual([{ sheet: 'survey', row: 3, reason: "'b' is imported, but the required condition '${a} > 1' is not supported, so the question is optional" }]);
  });
});

describe('bad input', () => {
  test('empty file', () => {
    expect(failed(readXlsForm(new Uint8Array()))).toEqual([{ sheet: '', row: 0, message: 'The file is empty' }]);
  });

  test('not a spreadsheet / no survey sheet', () => {
    const text = new TextEncoder().encode('just some words');
    expect(failed(readXlsForm(text))[0].message).toMatch(/^The workbook has no 'survey' sheet/);
    expect(failed(readXlsForm(book([['Data', [['a']]]])))).toEqual([{ sheet: '', row: 0, message: "The workbook has no 'survey' sheet (its sheets are 'Data'); an XLSForm needs one" }]);
  });

  test('damaged files give an error, never an exception', () => {
    const real = new Uint8Array(readFileSync(DIR + 'group.xlsx'));
    for (const data of [real.slice(0, 1000), real.slice(0, real.length - 200), new Uint8Array(4096).map((_, i) => (i * 7919) % 251)]) {
      const r = readXlsForm(data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0].message.length).toBeGreaterThan(10);
    }
  });

  test('empty survey sheet; missing type and name columns', () => {
    expect(failed(readXlsForm(book([['survey', []]])))).toEqual([{ sheet: 'survey', row: 0, message: "The 'survey' sheet is empty" }]);
    expect(failed(readXlsForm(book([['survey', [['label'], ['Hello']]]])))).toEqual([
      { sheet: 'survey', row: 1, column: 'type', message: "The 'survey' sheet has no 'type' column in row 1" },
      { sheet: 'survey', row: 1, column: 'name', message: "The 'survey' sheet has no 'name' column in row 1" },
    ]);
  });

  test('unknown list, with and without a choices sheet', () => {
    const rows = [
      ['type', 'name'],
      ['text', 'a'],
      ['select_one warna', 'b'],
    ];
    expect(failed(readXlsForm(book([['survey', rows]])))).toEqual([
      { sheet: 'survey', row: 3, column: 'type', message: "Question 'b': choice list 'warna' does not exist (the workbook has no 'choices' sheet)" },
    ]);
    expect(failed(readXlsForm(book([['survey', rows], ['choices', [['list_name', 'name'], ['colour', 'red']]]])))).toEqual([
      { sheet: 'survey', row: 3, column: 'type', message: "Question 'b': choice list 'warna' does not exist" },
    ]);
  });

  test('structural problems are all listed with sheet, row and column', () => {
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'label', 'relevant', 'calculation'],
          ['start', 'start', '', '', ''],
          ['text', 'a', 'A', '', ''],
          ['text', 'a', 'A again', '', ''],
          ['geopointt', 'g', 'G', '', ''],
          ['select_one', 'b', 'B', '', ''],
          ['integer', 'c', 'C', "${start} != ''", ''],
          ['calculate', 'd', '', '', '${a} +'],
          ['', 'e', 'no type', '', ''],
          ['end group', '', '', '', ''],
          ['begin group', 'g1', 'G1', '', ''],
          ['text', 'f', 'F', '${nope} = 1', ''],
          ['begin repeat', 'r', 'R', '', ''],
          ['text', 'in_repeat', 'x', '', ''],
        ],
      ],
      ['choices', [['list_name', 'name', 'label'], ['', 'x', 'X'], ['l', '', 'Y']]],
    ]);
    expect(failed(readXlsForm(data))).toEqual([
      { sheet: 'survey', row: 4, column: 'name', message: "The name 'a' is used by more than one question (rows 3, 4)" },
      { sheet: 'survey', row: 5, column: 'type', message: "unknown question type 'geopointt'" },
      { sheet: 'survey', row: 6, column: 'type', message: "type 'select_one' needs a choice list name after 'select_one'" },
      { sheet: 'survey', row: 7, column: 'relevant', message: "Question 'c': relevant refers to ${start} at position 0, but there is no question 'start': row 2 was left out ('start' is metadata about the interview, not a question)" },
      { sheet: 'survey', row: 8, column: 'calculation', message: "Question 'd': calculation '${a} +': position 6: expected a value at the end of the expression" },
      { sheet: 'survey', row: 9, column: 'type', message: "Row has the name 'e' but no type" },
      { sheet: 'survey', row: 10, column: 'type', message: "'end group' has no matching begin" },
      { sheet: 'survey', row: 11, column: 'type', message: "The group 'g1' opened in row 11 is never closed" },
      { sheet: 'survey', row: 12, column: 'relevant', message: "Question 'f': relevant refers to ${nope} at position 0, but there is no question 'nope'" },
      { sheet: 'survey', row: 13, column: 'type', message: "The repeat group 'r' opened in row 13 is never closed" },
      { sheet: 'survey', row: 13, column: 'type', message: "The repeat group 'r' cannot be imported: Kajian stores one answer per question per respondent, so repeated questions cannot be kept" },
      { sheet: 'choices', row: 2, column: 'list_name', message: "Choice 'x' has no list_name" },
      { sheet: 'choices', row: 3, column: 'name', message: "A choice of list 'l' has no name (the value stored for it)" },
    ]);
  });

  test('sheets that claim a million rows are read by their cells only (UCL_Biomass_Plot_Form.xlsx claims A1:AMJ1048576)', () => {
    const started = Date.now();
    readExample('UCL_Biomass_Plot_Form.xlsx');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('prototype pollution', () => {
  test('headers and list names such as __proto__ and constructor are plain names', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const data = book([
      [
        'survey',
        [
          ['type', 'name', 'label', '__proto__', 'constructor', 'label::__proto__'],
          ['select_one __proto__', 'a', 'A', 'polluted', 'polluted', 'polluted'],
          ['select_one constructor', 'b', 'B', '', '', ''],
          ['select_one toString', 'c', 'C', '', '', ''],
        ],
      ],
      [
        'choices',
        [
          ['list_name', 'name', 'label', '__proto__'],
          ['__proto__', 'polluted', 'P', 'polluted'],
          ['__proto__', 'constructor', 'C', 'polluted'],
        ],
      ],
      ['settings', [['__proto__', 'form_id'], ['polluted', 'x']]],
    ]);
    const errors = failed(readXlsForm(data));
    expect(errors).toEqual([
      { sheet: 'survey', row: 3, column: 'type', message: "Question 'b': choice list 'constructor' does not exist" },
      { sheet: 'survey', row: 4, column: 'type', message: "Question 'c': choice list 'toString' does not exist" },
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);

    const ok = book([
      ['survey', [['type', 'name', 'label'], ['select_one __proto__', 'a', 'A']]],
      ['choices', [['list_name', 'name', 'label'], ['__proto__', 'constructor', 'C']]],
    ]);
    const { questionnaire: q } = imported(readXlsForm(ok));
    expect(q.choiceLists).toEqual([{ name: '__proto__', choices: [{ value: 'constructor', label: { id: 'C', en: '' } }] }]);
    expect(roundTrip(q)).toEqual(q);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('every expression in the example forms', () => {
  test('parses, except the ones written with typographic quotes', () => {
    const failures: string[] = [];
    let parsed = 0;
    for (const file of ['UCL_Biomass_Plot_Form.xlsx', 'calculate.xls', 'case_insensitivity.xlsx', 'choice_filter_test.xlsx', 'group.xlsx', 'loop.xlsx', 'specify_other.xlsx', 'text_and_integer.xlsx', 'widgets.xls', 'xlsform_spec_test.xlsx', 'yes_or_no_question.xlsx']) {
      const wb = XLSX.read(readFileSync(DIR + file), { type: 'buffer' });
      const name = wb.SheetNames.find((n) => n.toLowerCase() === 'survey') ?? '';
      const ws = wb.Sheets[name];
      const header = new Map<number, string>();
      const cells: { row: number; col: number; text: string }[] = [];
      for (const key of Object.keys(ws).filter((k) => !k.startsWith('!'))) {
        const at = XLSX.utils.decode_cell(key);
        const v = (ws[key] as XLSX.CellObject).v;
        if (at.r === 0) header.set(at.c, String(v).trim().toLowerCase());
        else if (typeof v === 'string' && v.trim() !== '') cells.push({ row: at.r + 1, col: at.c, text: v });
      }
      for (const cell of cells) {
        const column = header.get(cell.col) ?? '';
        if (!['relevant', 'constraint', 'calculation'].includes(column)) continue;
        parsed++;
        const r = parseExpression(cell.text);
        if (!r.ok) failures.push(`${file} row ${cell.row} ${column}: ${r.error.message}`);
      }
    }
    expect(parsed).toBe(32); // UCL 21, calculate 2, widgets 4, spec test 5
    expect(failures.sort()).toEqual(
      [9, 32, 36, 48, 56, 58, 72, 74, 80, 82].map((row) => `UCL_Biomass_Plot_Form.xlsx row ${row} relevant: typographic quote ‘ is not allowed; use a straight quote ' or "`).sort(),
    );
  });
});
