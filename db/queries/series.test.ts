import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createProject, openProject, getProjectInfo } from '../index';
import { sha256, tempDir } from '../test-helpers';
import {
  deleteSeriesValues,
  importSeriesTable,
  listSeries,
  listSeriesValues,
  loadSeriesCsv,
  parseNumberCell,
  seriesOf,
  SeriesStoreError,
  upsertSeriesValues,
  validateSeriesRow,
  type SeriesValueInput,
} from './series';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let counter = 0;
const fresh = () => createProject(join(tmp.dir, `s${++counter}.kajian`), { title: 'Deret' });

const base: Omit<SeriesValueInput, 'year' | 'value'> = {
  indicator: 'Peserta sektor informal',
  sector: 'informal',
  programme: '',
  unit: 'juta orang',
  source: 'BPJS Ketenagakerjaan 2024',
  kind: 'observed',
};
const table2 = [3.2, 4.1, 4.8, 5.5, 6.3].map((value, i) => ({ ...base, year: 2020 + i, value }));

function storeError(fn: () => unknown): SeriesStoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SeriesStoreError);
    return e as SeriesStoreError;
  }
  throw new Error('expected a SeriesStoreError');
}

describe('cells and rows', () => {
  test('numbers with a point or one decimal comma; 3,200 is ambiguous', () => {
    expect(parseNumberCell(3.2)).toEqual({ ok: true, value: 3.2 });
    expect(parseNumberCell('4.1')).toEqual({ ok: true, value: 4.1 });
    expect(parseNumberCell(' 4,1 ')).toEqual({ ok: true, value: 4.1 });
    expect(parseNumberCell('3,200').ok).toBe(false);
    expect(parseNumberCell('tiga').ok).toBe(false);
    expect(parseNumberCell(null).ok).toBe(false);
    expect(parseNumberCell(Number.NaN).ok).toBe(false);
  });

  test('a row is normalised (case, defaults) or refused cell by cell', () => {
    const ok = validateSeriesRow({ indicator: ' Peserta ', sector: 'Informal', programme: 'jkk', year: '2021', value: '4,1' }, 3);
    expect(ok).toEqual({
      value: { indicator: 'Peserta', sector: 'informal', programme: 'JKK', year: 2021, value: 4.1, unit: '', source: '', kind: 'observed' },
    });
    const bad = validateSeriesRow({ indicator: '', sector: 'rumah', programme: 'BPJS', year: 2020.5, value: 'x', kind: 'guess' }, 7);
    expect('errors' in bad && bad.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'indicator'],
      [7, 'sector'],
      [7, 'programme'],
      [7, 'year'],
      [7, 'value'],
      [7, 'kind'],
    ]);
    const published = validateSeriesRow({ indicator: 'P', year: 2025, value: 7.3, kind: 'Published projection' }, 1);
    expect('value' in published && published.value.kind).toBe('published_projection');
  });
});

describe('store on a real file', () => {
  test('upsert inserts, then updates by key or id; values survive reopening; edits are audited', () => {
    const p = fresh();
    const first = upsertSeriesValues(p.db, table2);
    expect(first).toMatchObject({ inserted: 5, updated: 0 });
    // Same key again: an update, not a second row.
    const again = upsertSeriesValues(p.db, [{ ...base, year: 2024, value: 6.35 }]);
    expect(again).toMatchObject({ inserted: 0, updated: 1 });
    // By id: change the value and the year.
    const id2020 = seriesOf(p.db, base.indicator, 'informal', '', 'observed')[0]!.id;
    upsertSeriesValues(p.db, [{ ...base, id: id2020, year: 2019, value: 3.0 }]);
    const path = p.path;
    p.close();
    const q = openProject(path);
    const values = seriesOf(q.db, base.indicator, 'informal', '', 'observed');
    expect(values.map((v) => [v.year, v.value])).toEqual([
      [2019, 3.0],
      [2021, 4.1],
      [2022, 4.8],
      [2023, 5.5],
      [2024, 6.35],
    ]);
    expect(values[0]!.id).toBe(id2020);
    const audit = q.db.prepare("SELECT field, old_value, new_value FROM audit_log WHERE entity = 'series' ORDER BY id").all();
    expect(audit).toEqual([
      { field: 'value', old_value: 6.3, new_value: 6.35 },
      { field: 'year', old_value: 2020, new_value: 2019 },
      { field: 'value', old_value: 3.2, new_value: 3.0 },
    ]);
    expect(getProjectInfo(q.db).counts.series).toBe(5);
    q.close();
  });

  test('two years swapped in one request are accepted; a clash with another stored row is refused and nothing is written', () => {
    const p = fresh();
    upsertSeriesValues(p.db, table2);
    const [a, b] = seriesOf(p.db, base.indicator, 'informal', '', 'observed');
    upsertSeriesValues(p.db, [
      { ...base, id: a!.id, year: 2021, value: a!.value },
      { ...base, id: b!.id, year: 2020, value: b!.value },
    ]);
    expect(seriesOf(p.db, base.indicator, 'informal', '', 'observed').slice(0, 2).map((v) => [v.year, v.value])).toEqual([
      [2020, 4.1],
      [2021, 3.2],
    ]);
    const before = listSeriesValues(p.db);
    const clash = storeError(() =>
      upsertSeriesValues(p.db, [
        { ...base, year: 2030, value: 9 },
        { ...base, id: a!.id, year: 2022, value: 1 },
      ]),
    );
    expect(clash.errors).toMatchObject([{ row: 2, column: 'year', value: 2022 }]);
    expect(listSeriesValues(p.db)).toEqual(before);
    const dup = storeError(() => upsertSeriesValues(p.db, [{ ...base, year: 2030, value: 9 }, { ...base, year: 2030, value: 10 }]));
    expect(dup.errors[0]).toMatchObject({ row: 2, column: 'year' });
    expect(dup.errors[0]!.message).toMatch(/row 1/);
    const ghost = storeError(() => upsertSeriesValues(p.db, [{ ...base, id: '00000000-0000-4000-8000-000000000000', year: 2031, value: 1 }]));
    expect(ghost.errors[0]).toMatchObject({ row: 1, column: 'id' });
    expect(listSeriesValues(p.db)).toEqual(before);
    p.close();
  });

  test('delete by id, all or nothing', () => {
    const p = fresh();
    const { ids } = upsertSeriesValues(p.db, table2);
    expect(() => deleteSeriesValues(p.db, [ids[0]!, 'nope'])).toThrow(SeriesStoreError);
    expect(listSeriesValues(p.db)).toHaveLength(5);
    expect(deleteSeriesValues(p.db, [ids[0]!, ids[1]!])).toBe(2);
    expect(seriesOf(p.db, base.indicator, 'informal', '', 'observed').map((v) => v.year)).toEqual([2022, 2023, 2024]);
    p.close();
  });
});

describe('import (all rows or none)', () => {
  test('the sample file resources/sample/series.csv loads Table 2 and the printed projection', () => {
    const p = fresh();
    const report = loadSeriesCsv(p.db, resolve('resources/sample/series.csv'));
    expect(report).toEqual({ ok: true, inserted: 11, updated: 0, total: 11 });
    expect(seriesOf(p.db, 'Peserta sektor informal', 'informal', '', 'observed').map((v) => v.value)).toEqual([3.2, 4.1, 4.8, 5.5, 6.3]);
    const printed = seriesOf(p.db, 'Peserta sektor informal', 'informal', '', 'published_projection');
    expect(printed.map((v) => [v.year, v.value])).toEqual([
      [2025, 7.3],
      [2026, 8.4],
      [2027, 9.7],
      [2028, 11.1],
      [2029, 12.8],
      [2030, 14.6],
    ]);
    expect(printed[0]!.source).toBe('Artikel, Tabel proyeksi 2025-2030 (asumsi 15%)');
    expect(listSeries(p.db)).toEqual([
      { indicator: 'Peserta sektor informal', sector: 'informal', programme: '', kind: 'observed', n: 5, firstYear: 2020, lastYear: 2024, unit: 'juta orang', source: 'BPJS Ketenagakerjaan 2024' },
      {
        indicator: 'Peserta sektor informal',
        sector: 'informal',
        programme: '',
        kind: 'published_projection',
        n: 6,
        firstYear: 2025,
        lastYear: 2030,
        unit: 'juta orang',
        source: 'Artikel, Tabel proyeksi 2025-2030 (asumsi 15%)',
      },
    ]);
    // Loading again updates in place.
    expect(loadSeriesCsv(p.db, resolve('resources/sample/series.csv'))).toEqual({ ok: true, inserted: 0, updated: 11, total: 11 });
    p.close();
  });

  test('a file with bad rows writes nothing and names each row and column as the file does', () => {
    const made = fresh();
    upsertSeriesValues(made.db, table2);
    const path = made.path;
    made.close();
    const hash = sha256(path);
    const p = openProject(path);
    const file = join(tmp.dir, 'buruk.csv');
    writeFileSync(
      file,
      [
        'Indikator;Tahun;Nilai;Sektor;Sumber',
        'Peserta sektor informal;2025;7,3;informal;BPS',
        'Peserta sektor informal;20x6;8,4;informal;BPS',
        ';2027;9,7;informal;BPS',
        'Peserta sektor informal;2028;11,1;rumahan;BPS',
        'Peserta sektor informal;2025;1;informal;BPS',
      ].join('\r\n'),
    );
    const report = loadSeriesCsv(p.db, file);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Tahun', '20x6'],
      [4, 'Indikator', null],
      [5, 'Sektor', 'rumahan'],
      [6, 'Tahun', 2025],
    ]);
    expect(report.errors[3]!.message).toMatch(/row 2/);
    expect(report.errors[0]!.messages.id).toMatch(/tahun/);
    expect(seriesOf(p.db, 'Peserta sektor informal', 'informal', '', 'observed')).toHaveLength(5);
    p.close();
    expect(sha256(path)).toBe(hash);
  });

  test('header problems: unknown, doubled and missing columns; an empty table', () => {
    const p = fresh();
    const r1 = importSeriesTable(p.db, { header: ['indicator', 'year', 'nilai', 'value', 'catatan'], records: [], rowNumbers: [] });
    expect(!r1.ok && r1.errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'value'],
      [1, 'catatan'],
    ]);
    const r2 = importSeriesTable(p.db, { header: ['indicator', 'tahun'], records: [], rowNumbers: [] });
    expect(!r2.ok && r2.errors.map((e) => e.message)).toEqual(['the column "value" is missing']);
    const r3 = importSeriesTable(p.db, { header: ['indicator', 'year', 'value'], records: [], rowNumbers: [] });
    expect(!r3.ok && r3.errors[0]!.message).toMatch(/no data rows/);
    const missing = loadSeriesCsv(p.db, join(tmp.dir, 'tidak-ada.csv'));
    expect(!missing.ok && missing.errors[0]!.message).toMatch(/cannot read/);
    expect(listSeriesValues(p.db)).toEqual([]);
    p.close();
  });
});
