import type { Input, Output } from '../../../../electron/api/contract';
import { call } from '../api/client';
import type { AppState } from './app.svelte';

type Page = Output<'responses.list'>;
type Row = Page['rows'][number];

export const GRID_PAGE = 200;

/**
 * The responses grid: pages of rows fetched on demand as the user scrolls (the table is
 * virtualised, so 100,000 responses cost only the rows on screen), with sort, per-column
 * filters, search and a labels/codes toggle evaluated in SQL over the whole table.
 */
export class GridState {
  // Pages and columns are replaced, never changed in place: raw state (no deep proxies over
  // 200 rows × 30 cells per page, which cost the scrolling frames their time).
  columns = $state.raw<Page['columns']>([]);
  total = $state(0);
  /** Loaded pages by their first row's index (a page is GRID_PAGE rows): adding a page copies only the page table, never every loaded row. */
  pages = $state.raw<Record<number, Row[]>>({});
  sort = $state<{ column: string; direction: 'asc' | 'desc' } | null>(null);
  filters = $state<Record<string, string>>({});
  search = $state('');
  labels = $state(true);
  selected = $state<string | null>(null);
  loading = $state(false);
  /** Ids deleted last, for undo. */
  lastDeleted = $state<string[]>([]);
  private generation = 0;
  private pending = new Set<number>();

  constructor(private readonly app: AppState) {}

  private query(offset: number): Input<'responses.list'> {
    const filters = Object.entries(this.filters)
      .filter(([, v]) => v.trim() !== '')
      .map(([column, value]) => ({ column, value }));
    return {
      offset,
      limit: GRID_PAGE,
      ...(this.sort ? { sort: this.sort } : {}),
      ...(filters.length ? { filters } : {}),
      ...(this.search.trim() ? { search: this.search.trim() } : {}),
      labels: this.labels,
      language: this.app.i18n.locale,
    };
  }

  /** Starts over (after a change of sort, filter, search, labels or data). */
  async reload(): Promise<void> {
    this.generation++;
    this.pending.clear();
    this.pages = {};
    await this.ensure(0, GRID_PAGE);
  }

  /** Makes sure rows [from, to) are loaded. */
  async ensure(from: number, to: number): Promise<void> {
    const gen = this.generation;
    const first = Math.floor(Math.max(0, from) / GRID_PAGE);
    const last = Math.floor(Math.max(0, to - 1) / GRID_PAGE);
    const jobs: Promise<void>[] = [];
    for (let p = first; p <= last; p++) {
      const offset = p * GRID_PAGE;
      if (this.pending.has(offset) || this.pages[offset] !== undefined) continue;
      if (offset > 0 && offset >= this.total) continue;
      this.pending.add(offset);
      jobs.push(
        (async () => {
          this.loading = true;
          try {
            const page = await call('responses.list', this.query(offset));
            if (gen !== this.generation) return;
            this.columns = page.columns;
            this.total = page.total;
            this.pages = { ...this.pages, [offset]: page.rows };
          } catch (e) {
            this.app.error = this.app.describe(e);
          } finally {
            this.pending.delete(offset);
            this.loading = this.pending.size > 0;
          }
        })(),
      );
    }
    await Promise.all(jobs);
  }

  /** The row at an absolute index, if its page is loaded. */
  row(index: number): Row | undefined {
    const offset = index - (index % GRID_PAGE);
    return this.pages[offset]?.[index - offset];
  }

  toggleSort(column: string): void {
    if (this.sort?.column !== column) this.sort = { column, direction: 'asc' };
    else if (this.sort.direction === 'asc') this.sort = { column, direction: 'desc' };
    else this.sort = null;
    void this.reload();
  }

  async remove(ids: string[]): Promise<void> {
    await this.app.run(async () => {
      await call('responses.delete', { ids });
      this.lastDeleted = ids;
      this.selected = null;
    });
    await this.reload();
  }

  async undo(): Promise<void> {
    const ids = this.lastDeleted;
    if (!ids.length) return;
    await this.app.run(async () => {
      await call('responses.restore', { ids });
      this.lastDeleted = [];
    });
    await this.reload();
  }
}
