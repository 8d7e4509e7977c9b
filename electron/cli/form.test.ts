import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { createProject, openProject } from '../../db';
import { loadQuestionnaire, saveQuestionnaire } from '../../db/queries/questionnaire';
import { smallQuestionnaire } from '../../analysis/entry/fixtures';
import { tempDir } from '../../db/test-helpers';
import { cli } from './test-cli';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
// The shared folder sits beside the repository (here and in CI's clone).
const EXAMPLES = fileURLToPath(new URL('../../../shared/xlsform-examples', import.meta.url));
let counter = 0;

function project(): string {
  const path = join(tmp.dir, `p${++counter}.kajian`);
  createProject(path, { title: 'Form' }).close();
  return path;
}


function stored(path: string) {
  const p = openProject(path);
  try {
    return loadQuestionnaire(p.db)?.questionnaire ?? null;
  } finally {
    p.close();
  }
}

describe('kajian form import|export', () => {
  test.each(['calculate.xls', 'group.xlsx', 'widgets.xls', 'case_insensitivity.xlsx', 'text_and_integer.xlsx', 'specify_other.xlsx', 'yes_or_no_question.xlsx'])(
    '%s: imports, exports, and the export re-imports identically',
    async (file) => {
      const p = project();
      const r = await cli('form', 'import', p, join(EXAMPLES, file), '--json');
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { questions: number; skipped: { sheet: string; row: number; reason: string }[]; questionnaire: unknown };
      const q = stored(p);
      expect(q).not.toBeNull();
      expect(j.questions).toBe(q!.questions.length);
      expect(j.questionnaire).toEqual(q);
      for (const s of j.skipped) expect(s.row).toBeGreaterThan(0);

      const out = join(tmp.dir, `${file}.out.xlsx`);
      const e = await cli('form', 'export', p, out);
      expect(e.err).toBe('');
      expect(e.code).toBe(0);
      expect(e.out).toContain(`Exported ${q!.questions.length} questions`);
      const p2 = project();
      const again = await cli('form', 'import', p2, out);
      expect(again.code).toBe(0);
      expect(again.out).not.toContain('Left out');
      expect(stored(p2)).toEqual(q);
    },
  );

  test('text output lists the rows left out with their row numbers and reasons', async () => {
    const r = await cli('form', 'import', project(), join(EXAMPLES, 'case_insensitivity.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Left out \(2\):/);
    expect(r.out).toMatch(/SURVEY row 3: 'q2'/);
  });

  test.each([
    ['UCL_Biomass_Plot_Form.xlsx', /survey row 9, column relevant: .*position 17/],
    ['loop.xlsx', /survey row 3, column type: The loop/],
    ['xlsform_spec_test.xlsx', /survey row 15, column type: The repeat group/],
    ['choice_filter_test.xlsx', /choices row 6, column name: List 'counties'/],
  ])('%s: a form Kajian cannot honour imports nothing; stderr names sheet and row', async (file, pattern) => {
    const p = project();
    const before = createProjectWithQuestionnaire(p);
    const r = await cli('form', 'import', p, join(EXAMPLES, file), '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/was not imported \(nothing changed\)/);
    expect(r.err).toMatch(pattern);
    expect(stored(p)).toEqual(before);
  });

  test('usage errors: wrong verb, missing file, --replace on export', async () => {
    const p = project();
    let r = await cli('form', 'convert', p, 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/form import" or "form export/);
    r = await cli('form', 'import', p);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing the XLSForm file/);
    r = await cli('form', 'export', p, join(tmp.dir, 'a.xlsx'), '--replace');
    expect(r.code).toBe(2);
    r = await cli('form', 'import', p, join(tmp.dir, 'absent.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/absent\.xlsx: the file does not exist/);
    r = await cli('form', 'export', p, join(tmp.dir, 'a.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no questionnaire/);
  });

  test('an import that would delete answered questions needs --replace', async () => {
    const p = project();
    const db = openProject(p);
    try {
      saveQuestionnaire(db.db, smallQuestionnaire());
      const qseq = loadQuestionnaire(db.db)!.questionSeqs.get('umur')!;
      const qnId = loadQuestionnaire(db.db)!.id;
      const now = new Date().toISOString();
      db.db.prepare("INSERT INTO respondents (id, code, created_at) VALUES ('r1', 'R1', ?)").run(now);
      db.db.prepare("INSERT INTO responses (id, questionnaire_id, respondent_id, created_at, updated_at) VALUES ('x1', ?, 'r1', ?, ?)").run(qnId, now, now);
      db.db.prepare("INSERT INTO answers (response_seq, question_seq, value) VALUES ((SELECT seq FROM responses WHERE id = 'x1'), ?, 40)").run(qseq);
    } finally {
      db.close();
    }
    const form = join(tmp.dir, 'yesno.xlsx');
    copyFileSync(join(EXAMPLES, 'yes_or_no_question.xlsx'), form);
    let r = await cli('form', 'import', p, form);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/holding 1 answer \(umur: 1\).*--replace/);
    expect(stored(p)).toEqual(smallQuestionnaire());
    r = await cli('form', 'import', p, form, '--replace', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { answersDeleted: number }).answersDeleted).toBe(1);
    expect(existsSync(form)).toBe(true);
  });
});

function createProjectWithQuestionnaire(path: string) {
  const p = openProject(path);
  try {
    return saveQuestionnaire(p.db, smallQuestionnaire()).questionnaire;
  } finally {
    p.close();
  }
}
