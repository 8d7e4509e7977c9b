import type { Output } from '../../../../electron/api/contract';
import { ApiCallError, call } from '../api/client';
import type { AppState } from './app.svelte';

export type SeriesListing = Output<'series.list'>;
export type SeriesValue = SeriesListing['values'][number];
export type SeriesSummary = SeriesListing['series'][number];
export type ImportReport = Output<'series.import'>;
export type SeriesAnalysis = Output<'series.analyse'>;
export type SeriesAnalysisOk = Extract<SeriesAnalysis, { status: 'ok' }>;
export type ProjectionMethod = 'constant' | 'cagr' | 'meanGrowth' | 'linear' | 'logLinear';
export const PROJECTION_METHODS: readonly ProjectionMethod[] = ['constant', 'cagr', 'meanGrowth', 'linear', 'logLinear'];
export type Column = 'indicator' | 'sector' | 'programme' | 'year' | 'value' | 'unit' | 'source' | 'kind';
export const COLUMNS: readonly Column[] = ['indicator', 'sector', 'programme', 'year', 'value', 'unit', 'source', 'kind'];
export const SECTOR_OPTIONS = ['', 'formal', 'informal'] as const;
export const PROGRAMME_OPTIONS = ['', 'JKK', 'JKM', 'JHT', 'JKP'] as const;
export const KIND_OPTIONS = ['observed', 'published_projection'] as const;

/**
 * Reads a number as the user typed it in the interface language: in Indonesian the comma is the
 * decimal separator (3,2), in English the point (3.2); either is accepted when unambiguous. No
 * grouping separators. Returns null for empty text, NaN for text that is not a number.
 */
export function parseTypedNumber(text: string, locale: 'id' | 'en'): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  if (/^[+-]?\d*,\d+$/.test(s) && (locale === 'id' || !s.includes('.'))) return Number(s.replace(',', '.'));
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  return Number.NaN;
}

/** A number as the user edits it: full precision, no grouping, the locale's decimal separator. */
export function editableNumber(x: number, locale: 'id' | 'en'): string {
  const s = String(x);
  return locale === 'id' ? s.replace('.', ',') : s;
}

/** The key of one series (indicator, sector, programme) as one string, for selects and maps. */
export function seriesKey(s: { indicator: string; sector: string; programme: string }): string {
  return JSON.stringify([s.indicator, s.sector, s.programme]);
}

/** The Data tab's grid of stored series values: list, cell edits, deletions, file import. */
export class SeriesGridState {
  values = $state<SeriesValue[]>([]);
  loaded = $state(false);
  /** Error of a row that could not be saved, by row id ('new' for the add form). */
  rowErrors = $state<Record<string, string>>({});
  report = $state<ImportReport | null>(null);
  message = $state<string | null>(null);

  constructor(private readonly app: AppState) {}

  async load(): Promise<void> {
    await this.app.run(async () => {
      this.values = (await call('series.list', {})).values;
    });
    this.loaded = true;
  }

  private async refreshProject(): Promise<void> {
    this.app.project = await call('project.current', {});
  }

  /** Saves one edited cell of a stored row (all other cells as stored). */
  async editCell(row: SeriesValue, column: Column, text: string): Promise<void> {
    const locale = this.app.i18n.locale;
    let cell: string | number | null = text;
    if (column === 'year' || column === 'value') {
      const n = parseTypedNumber(text, locale);
      cell = n === null ? null : Number.isNaN(n) ? text : n;
    }
    const next = { id: row.id, indicator: row.indicator, sector: row.sector, programme: row.programme, year: row.year, value: row.value, unit: row.unit, source: row.source, kind: row.kind, [column]: cell };
    await this.save(row.id, [next]);
  }

  /** Writes rows; on failure keeps the error beside the row (key) and leaves the stored values as they were. */
  async save(key: string, rows: Parameters<typeof call<'series.save'>>[1]['rows']): Promise<boolean> {
    try {
      await call('series.save', { rows });
      const { [key]: _gone, ...rest } = this.rowErrors;
      this.rowErrors = rest;
      this.values = (await call('series.list', {})).values;
      await this.refreshProject();
      return true;
    } catch (e) {
      this.rowErrors = { ...this.rowErrors, [key]: e instanceof ApiCallError ? e.message : this.app.describe(e) };
      return false;
    }
  }

  async remove(row: SeriesValue): Promise<void> {
    await this.app.run(async () => {
      await call('series.delete', { ids: [row.id] });
      this.values = (await call('series.list', {})).values;
      await this.refreshProject();
    });
  }

  async importFile(path: string): Promise<void> {
    this.report = null;
    await this.app.run(async () => {
      this.report = await call('series.import', { path });
      if (this.report.ok) {
        this.values = (await call('series.list', {})).values;
        await this.refreshProject();
      }
    });
  }
}

/** The Projection tab: the chosen series, the options of the analysis and its result. */
export class ProjectionState {
  series = $state<SeriesSummary[]>([]);
  values = $state<SeriesValue[]>([]);
  loaded = $state(false);
  selected = $state('');
  to = $state(2030);
  rate = $state<number | null>(null);
  smearing = $state(false);
  decimals = $state<number | null>(null);
  target = $state<{ year: number; values: number[] } | null>(null);
  method = $state<'all' | ProjectionMethod>('all');
  analysis = $state<SeriesAnalysis | null>(null);
  /** Inline errors of the option fields, by field name. */
  fieldErrors = $state<Record<string, string>>({});
  /** True after the printed figures were saved (the message is shown in the current language). */
  printedSaved = $state(false);

  constructor(private readonly app: AppState) {}

  get observedSeries(): SeriesSummary[] {
    return this.series.filter((s) => s.kind === 'observed');
  }

  get current(): SeriesSummary | undefined {
    return this.observedSeries.find((s) => seriesKey(s) === this.selected);
  }

  /** Stored published-projection values of the chosen series. */
  get storedPrinted(): SeriesValue[] {
    const c = this.current;
    if (!c) return [];
    return this.values.filter((v) => v.kind === 'published_projection' && seriesKey(v) === seriesKey(c));
  }

  async load(): Promise<void> {
    await this.app.run(async () => {
      const list = await call('series.list', {});
      this.series = list.series;
      this.values = list.values;
      if (!this.current) this.selected = this.observedSeries[0] ? seriesKey(this.observedSeries[0]) : '';
    });
    this.loaded = true;
    await this.analyse();
  }

  async analyse(): Promise<void> {
    const c = this.current;
    if (!c) {
      this.analysis = null;
      return;
    }
    const input: Parameters<typeof call<'series.analyse'>>[1] = {
      indicator: c.indicator,
      sector: c.sector,
      programme: c.programme,
      to: this.to,
      smearing: this.smearing,
    };
    if (this.rate !== null) input.rate = this.rate;
    if (this.decimals !== null) input.printed = { decimals: this.decimals };
    if (this.target) input.target = this.target;
    try {
      this.analysis = await call('series.analyse', input);
      this.fieldErrors = {};
      if (this.analysis.status === 'ok' && this.method === 'constant' && this.analysis.rate === null) this.method = 'all';
    } catch (e) {
      if (e instanceof ApiCallError && e.field) this.fieldErrors = { ...this.fieldErrors, [e.field.split('.')[0]!]: e.message };
      else this.app.error = this.app.describe(e);
    }
  }

  /** Stores the printed figures typed per year (empty text removes a stored one), then re-analyses. */
  async savePrinted(byYear: Record<number, string>, source: string): Promise<boolean> {
    const c = this.current;
    const a = this.analysis;
    if (!c || !a || a.status !== 'ok') return false;
    const locale = this.app.i18n.locale;
    const rows: Parameters<typeof call<'series.save'>>[1]['rows'] = [];
    const remove: string[] = [];
    const errors: Record<string, string> = {};
    for (const [yearText, text] of Object.entries(byYear)) {
      const year = Number(yearText);
      const stored = this.storedPrinted.find((v) => v.year === year);
      const n = parseTypedNumber(text, locale);
      if (n === null) {
        if (stored) remove.push(stored.id);
        continue;
      }
      if (Number.isNaN(n)) {
        errors[`printed-${year}`] = this.app.i18n.m.series.invalidNumber;
        continue;
      }
      rows.push({ indicator: c.indicator, sector: c.sector, programme: c.programme, year, value: n, unit: a.unit, source, kind: 'published_projection' });
    }
    this.fieldErrors = errors;
    if (Object.keys(errors).length > 0) return false;
    const ok = await this.app.run(async () => {
      if (rows.length > 0) await call('series.save', { rows });
      if (remove.length > 0) await call('series.delete', { ids: remove });
      const list = await call('series.list', {});
      this.series = list.series;
      this.values = list.values;
      this.app.project = await call('project.current', {});
    });
    if (ok) {
      this.printedSaved = true;
      await this.analyse();
    }
    return ok;
  }
}
