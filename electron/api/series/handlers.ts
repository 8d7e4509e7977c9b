import { resolve, isAbsolute } from 'node:path';
import {
  deleteSeriesValues,
  importSeriesTable,
  listSeries,
  listSeriesValues,
  seriesOf,
  SeriesStoreError,
  upsertSeriesValues,
  validateSeriesRow,
  type SeriesCellError,
  type SeriesValueInput,
} from '../../../db/queries/series';
import { readTableFile, TableFileError } from '../../io/table-file';
import type { AreaHandlers, AreaSession } from '../area';
import { ApiError } from '../envelope';
import { AnalyseInputError, analyseSeries } from './analyse';
import type { seriesContract } from './contract';

/** A store error as an API error naming the first bad cell: field rows.<index>.<column> (index 0-based, as zod reports). */
function storeError(errors: readonly SeriesCellError[], prefix: string): ApiError {
  const e = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ApiError('BAD_INPUT', `row ${e.row}, ${e.column}: ${e.message}${more}`, `${prefix}.${e.row - 1}.${e.column}`);
}

/** Handlers of the series area. */
export function seriesHandlers(session: AreaSession): AreaHandlers<typeof seriesContract> {
  return {
    'series.list': () => {
      const db = session.requireProject().db;
      return { values: listSeriesValues(db), series: listSeries(db) };
    },
    'series.save': ({ rows }) => {
      const db = session.requireProject().db;
      const values: SeriesValueInput[] = [];
      const errors: SeriesCellError[] = [];
      rows.forEach((r, i) => {
        const checked = validateSeriesRow(r, i + 1);
        if ('errors' in checked) errors.push(...checked.errors);
        else values.push(r.id === undefined ? checked.value : { ...checked.value, id: r.id });
      });
      if (errors.length > 0) throw storeError(errors, 'rows');
      try {
        const result = upsertSeriesValues(db, values);
        session.touched();
        return result;
      } catch (e) {
        if (e instanceof SeriesStoreError) throw storeError(e.errors, 'rows');
        throw e;
      }
    },
    'series.delete': ({ ids }) => {
      const db = session.requireProject().db;
      try {
        const deleted = deleteSeriesValues(db, ids);
        session.touched();
        return { deleted };
      } catch (e) {
        if (e instanceof SeriesStoreError) {
          const first = e.errors[0]!;
          throw new ApiError('NOT_FOUND', `ids.${first.row - 1}: ${first.message}`, `ids.${first.row - 1}`);
        }
        throw e;
      }
    },
    'series.import': ({ path, sheet }) => {
      const db = session.requireProject().db;
      const file = isAbsolute(path) ? path : resolve(session.ctx.shell.defaultFolder, path);
      let table;
      try {
        table = readTableFile(file, sheet === undefined ? {} : { sheet });
      } catch (e) {
        if (e instanceof TableFileError) {
          const code = /^cannot read/.test(e.message) ? 'NOT_FOUND' : 'BAD_INPUT';
          throw new ApiError(code, `${file}: ${e.message}`, 'path');
        }
        throw e;
      }
      const report = importSeriesTable(db, table);
      if (report.ok) session.touched();
      return report;
    },
    'series.analyse': (input) => {
      const db = session.requireProject().db;
      const observed = seriesOf(db, input.indicator, input.sector, input.programme, 'observed');
      const stored = input.printed?.values === undefined ? seriesOf(db, input.indicator, input.sector, input.programme, 'published_projection') : [];
      const join = (xs: readonly string[]) => [...new Set(xs.filter((x) => x !== ''))].join('; ');
      const printedValues = input.printed?.values ?? stored.map((v) => ({ year: v.year, value: v.value }));
      const years = new Set<number>();
      for (const [i, v] of printedValues.entries()) {
        if (years.has(v.year)) throw new ApiError('BAD_INPUT', `printed.values.${i}.year: the year ${v.year} is given twice`, `printed.values.${i}.year`);
        years.add(v.year);
      }
      try {
        return analyseSeries({
          indicator: input.indicator,
          sector: input.sector,
          programme: input.programme,
          unit: join(observed.map((v) => v.unit)),
          source: join(observed.map((v) => v.source)),
          observed: observed.map((v) => ({ year: v.year, value: v.value })),
          to: input.to,
          level: input.level,
          rate: input.rate,
          smearing: input.smearing,
          printed: printedValues.length > 0 ? { values: printedValues, decimals: input.printed?.decimals, source: join(stored.map((v) => v.source)) } : undefined,
          target: input.target,
        });
      } catch (e) {
        if (e instanceof AnalyseInputError) throw new ApiError('BAD_INPUT', `${e.field}: ${e.message}`, e.field);
        throw e;
      }
    },
  };
}
