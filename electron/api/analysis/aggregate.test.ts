import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProject, type Project } from '../../../db';
import { setAnswer } from '../../../db/queries/responses';
import { tempDir } from '../../../db/test-helpers';
import { aggregateCrosstab, aggregateFrequencies, aggregateIndex } from './aggregate';
import { defaultIndexSpec, projectDataset, runCrosstab, runFrequencies, runIndex } from './service';
import { seedSurvey } from './test-fixture';

const tmp = tempDir();
let p: Project;

beforeAll(() => {
  p = createProject(join(tmp.dir, 'agg.kajian'), { title: 'Agg' });
  seedSurvey(p.db);
  // Some untidy answers: a "don't know" code, a numeric text, a missing job type.
  const ids = (p.db.prepare("SELECT id FROM responses ORDER BY created_at, id LIMIT 3").all() as { id: string }[]).map((r) => r.id);
  setAnswer(p.db, ids[0]!, 'akses1', 9, { actor: 't', reason: 'test' });
  setAnswer(p.db, ids[1]!, 'manfaat2', '4', { actor: 't', reason: 'test' });
  setAnswer(p.db, ids[2]!, 'jenis_pekerjaan', null, { actor: 't', reason: 'test' });
}, 120_000);
afterAll(() => {
  p.close();
  tmp.cleanup();
});

describe('SQL-aggregate analyses equal the row-based ones', () => {
  test('frequencies', () => {
    const ds = projectDataset(p.db, 'Agg');
    for (const v of ['jenis_pekerjaan', 'alasan_tidak_ikut', 'akses1', 'pendapatan']) {
      const rows = runFrequencies(ds, { variable: v }, 'en');
      expect(rows.kind).toBe('single');
      if (rows.kind === 'single') expect(aggregateFrequencies(p.db, v, 'en')).toEqual(rows.table);
    }
  });

  test('crosstab', () => {
    const ds = projectDataset(p.db, 'Agg');
    expect(aggregateCrosstab(p.db, 'peserta_aktif', 'jenis_pekerjaan')).toEqual(runCrosstab(ds, { row: 'peserta_aktif', col: 'jenis_pekerjaan' }, 'id').table);
    expect(aggregateCrosstab(p.db, 'alasan_tidak_ikut', 'kota', 'en')).toEqual(runCrosstab(ds, { row: 'alasan_tidak_ikut', col: 'kota' }, 'en').table);
  });

  test('the index: mean, sd, CI, n and alpha overall and per dimension; weights', () => {
    const ds = projectDataset(p.db, 'Agg');
    const base = defaultIndexSpec(ds.variables);
    for (const spec of [base, { ...base, dimensions: base.dimensions.map((d, i) => ({ ...d, weight: i + 1 })) }]) {
      const want = runIndex(ds, spec, 'id').index;
      const got = aggregateIndex(p.db, spec);
      expect(got.overall.n).toBe(want.overall.n);
      expect(got.overall.n).toBe(299);
      for (const k of ['mean', 'sd', 'alpha'] as const) expect(got.overall[k]!).toBeCloseTo(want.overall[k]!, 10);
      expect(got.overall.ci![0]).toBeCloseTo(want.overall.ci![0], 10);
      expect(got.overall.ci![1]).toBeCloseTo(want.overall.ci![1], 10);
      expect(got.overall.band).toEqual(want.overall.band);
      got.dimensions.forEach((d, i) => {
        const w = want.dimensions[i]!;
        expect(d.n).toBe(w.n);
        for (const k of ['mean', 'sd', 'alpha'] as const) expect(d[k]!).toBeCloseTo(w[k]!, 10);
      });
    }
  });
});
